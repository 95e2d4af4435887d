package io.merx.nlp.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hashed TF-IDF features of a message: word unigrams and bigrams, and character 2- to 5-grams inside word
 * boundaries (robust to typos and inflections, which customer messages are full of). Each group is weighted by
 * sublinear term frequency times inverse document frequency and L2-normalised on its own, so neither group drowns
 * the other. Hashing keeps the model a fixed size whatever the vocabulary, and needs no vocabulary file.
 */
final class TextFeatures {

    private final int bits;
    private final float[] idf;

    /**
     * @param bits the feature space has {@code 2^bits} dimensions
     * @param idf inverse document frequency per dimension, or null for all ones (while counting frequencies)
     */
    TextFeatures(int bits, float[] idf) {
        this.bits = bits;
        this.idf = idf;
    }

    int dimension() {
        return 1 << bits;
    }

    float[] idf() {
        return idf;
    }

    /** Smoothed IDF, {@code ln((1 + n) / (1 + df)) + 1}, as scikit-learn computes it. */
    static TextFeatures fit(int bits, String[] texts) {
        TextFeatures counting = new TextFeatures(bits, null);
        int[] df = new int[1 << bits];
        for (String text : texts) {
            for (int index : counting.vector(text).indices()) {
                df[index]++;
            }
        }
        float[] idf = new float[df.length];
        for (int i = 0; i < df.length; i++) {
            idf[i] = (float) (Math.log((1.0 + texts.length) / (1.0 + df[i])) + 1.0);
        }
        return new TextFeatures(bits, idf);
    }

    /** The weighted, normalised features of one text. */
    SparseVector vector(String text) {
        List<String> words = words(text);
        List<String> wordTerms = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            wordTerms.add("w|" + words.get(i));
            if (i > 0) {
                wordTerms.add("b|" + words.get(i - 1) + ' ' + words.get(i));
            }
        }
        List<String> charTerms = new ArrayList<>();
        for (String word : words) {
            String padded = ' ' + word + ' ';
            for (int n = 2; n <= 5; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    charTerms.add("c|" + padded.substring(start, start + n));
                }
            }
        }
        SparseVector a = weigh(wordTerms);
        SparseVector b = weigh(charTerms);
        return add(a, b);
    }

    private SparseVector weigh(List<String> terms) {
        int[] indices = new int[terms.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = index(terms.get(i));
        }
        Arrays.sort(indices);
        int distinct = 0;
        int[] unique = new int[indices.length];
        float[] values = new float[indices.length];
        for (int i = 0; i < indices.length;) {
            int j = i;
            while (j < indices.length && indices[j] == indices[i]) {
                j++;
            }
            unique[distinct] = indices[i];
            values[distinct] = (float) (1 + Math.log(j - i)) * (idf == null ? 1f : idf[indices[i]]);
            distinct++;
            i = j;
        }
        double norm = 0;
        for (int i = 0; i < distinct; i++) {
            norm += values[i] * values[i];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < distinct; i++) {
            values[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(unique, distinct), Arrays.copyOf(values, distinct));
    }

    private static SparseVector add(SparseVector a, SparseVector b) {
        int[] indices = new int[a.indices().length + b.indices().length];
        float[] values = new float[indices.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.indices().length || j < b.indices().length) {
            if (j >= b.indices().length || (i < a.indices().length && a.indices()[i] < b.indices()[j])) {
                indices[n] = a.indices()[i];
                values[n++] = a.values()[i++];
            } else if (i >= a.indices().length || b.indices()[j] < a.indices()[i]) {
                indices[n] = b.indices()[j];
                values[n++] = b.values()[j++];
            } else {
                indices[n] = a.indices()[i];
                values[n++] = a.values()[i++] + b.values()[j++];
            }
        }
        return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }

    private int index(String term) {
        return murmur3(term.getBytes(StandardCharsets.UTF_8)) & ((1 << bits) - 1);
    }

    /**
     * Lower-cased words; digit runs become {@code 0} so that order numbers and amounts generalise instead of
     * each being a new word.
     */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inDigits = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isDigit(c)) {
                if (!inDigits) {
                    word.append('0');
                    inDigits = true;
                }
            } else if (Character.isLetter(c) || (c == '\'' && word.length() > 0)) {
                word.append(c);
                inDigits = false;
            } else {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                inDigits = false;
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** MurmurHash3 x86 32-bit, seed 0: stable across JVMs and releases, unlike {@link String#hashCode()}'s use. */
    static int murmur3(byte[] data) {
        int h = 0;
        int length = data.length;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[4 * i] & 0xff) | (data[4 * i + 1] & 0xff) << 8 | (data[4 * i + 2] & 0xff) << 16
                    | (data[4 * i + 3] & 0xff) << 24;
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15);
            k *= 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        int tail = blocks * 4;
        switch (length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[tail] & 0xff;
                k *= 0xcc9e2d51;
                k = Integer.rotateLeft(k, 15);
                k *= 0x1b873593;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
