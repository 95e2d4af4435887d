package io.merx.corenlp.internal;

import java.util.List;

/** Makes arbitrary input safe for the tokenizer: bounded length, no control characters. */
final class TextCleaner {

    private TextCleaner() {
    }

    static String clean(String text, int maxChars, List<String> notes) {
        String cut = text;
        if (text.length() > maxChars) {
            int end = maxChars;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            cut = text.substring(0, end);
            notes.add("text cut to its first " + end + " of " + text.length() + " characters");
        }
        StringBuilder sb = new StringBuilder(cut.length());
        int replaced = 0;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                sb.append(' ');
                replaced++;
            } else {
                sb.append(c);
            }
        }
        if (replaced > 0) {
            notes.add(replaced + " control characters replaced by spaces");
        }
        return sb.toString();
    }
}
