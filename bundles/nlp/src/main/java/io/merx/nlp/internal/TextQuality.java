package io.merx.nlp.internal;

import java.util.Locale;

/**
 * Cheap checks that a message is English-looking text worth classifying. Binary junk, symbol soup and other
 * scripts get an honest "out of scope" instead of the nearest intent.
 */
final class TextQuality {

    /** A problem, or null when the text looks fine. */
    static String problem(String text) {
        int letters = 0;
        int latin = 0;
        int visible = 0;
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                control++;
            } else if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                    if (c < 0x250) {
                        latin++;
                    }
                }
            }
        }
        if (control > 0 && control * 10 > text.length()) {
            return String.format(Locale.ROOT, "text looks binary (%d control characters)", control);
        }
        if (letters < 2 || letters < 0.5 * visible) {
            return String.format(Locale.ROOT, "text has too few letters to understand (%d of %d characters)",
                    letters, visible);
        }
        if (latin < 0.7 * letters) {
            return "text does not look like English (mostly non-Latin script)";
        }
        return null;
    }

    private TextQuality() {
    }
}
