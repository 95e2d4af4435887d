package io.merx.nlp.internal;

import java.util.Locale;

/**
 * Cheap checks that a message is English-looking text worth classifying. Binary data, symbol soup and other
 * scripts get an honest "out of scope" instead of the nearest intent. A message with a word or a number is never
 * junk, however many symbols surround it ("what is 25% of $54,788", "10-4"): whether it is in scope is then the
 * intent model's call.
 */
final class TextQuality {

    /** A problem, or null when the text looks fine. */
    static String problem(String text) {
        int letters = 0;
        int latin = 0;
        int control = 0;
        int run = 0;
        boolean wordOrNumber = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
            if (Character.isLetter(c)) {
                letters++;
                latin += c < 0x250 ? 1 : 0;
                run++;
                wordOrNumber |= run >= 2;
            } else {
                run = 0;
                wordOrNumber |= Character.isDigit(c);
            }
        }
        if (control > 0 && control * 10 > text.length()) {
            return String.format(Locale.ROOT, "text looks binary (%d control characters)", control);
        }
        if (!wordOrNumber) {
            return "text has no word or number to understand";
        }
        if (letters > 0 && latin < 0.7 * letters) {
            return "text does not look like English (mostly non-Latin script)";
        }
        return null;
    }

    private TextQuality() {
    }
}
