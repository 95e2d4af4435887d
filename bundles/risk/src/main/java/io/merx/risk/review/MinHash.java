package io.merx.risk.review;

import java.util.Locale;

/**
 * MinHash signatures of a text's character 5-shingles: the share of equal slots of two signatures estimates the
 * Jaccard similarity of their shingle sets. Character shingles (not word ones) because copied reviews are mostly
 * lightly edited: a dropped or swapped word breaks a few five-character windows, not a sentence's word n-grams.
 * Written here rather than taken from a library: the few Java MinHash libraries are unmaintained, and this is
 * the product's own 40 lines.
 */
final class MinHash {

    static final int SLOTS = 64;
    static final int SHINGLE = 5;

    private MinHash() {
    }

    /** Lower case, letters and digits only, single spaces: punctuation and case edits do not hide a copy. */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("<br />", " ");
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    /** The signature; a text shorter than one shingle hashes as a whole. */
    static int[] signature(String text) {
        String s = normalise(text);
        int[] min = new int[SLOTS];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        int shingles = Math.max(1, s.length() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            int h = s.substring(i, Math.min(s.length(), i + SHINGLE)).hashCode();
            for (int k = 0; k < SLOTS; k++) {
                int v = mix(h, k);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        return min;
    }

    /** Estimated Jaccard similarity of the shingle sets of two signatures. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int k = 0; k < SLOTS; k++) {
            same += a[k] == b[k] ? 1 : 0;
        }
        return same / (double) SLOTS;
    }

    /** Slot k's hash function: a murmur3 finaliser of the shingle hash salted by k (stable across JVMs). */
    private static int mix(int h, int k) {
        int x = h ^ (k * 0x9E3779B9);
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        return x & Integer.MAX_VALUE;
    }
}
