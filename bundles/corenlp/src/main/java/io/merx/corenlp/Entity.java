package io.merx.corenlp;

/**
 * A named entity mention.
 *
 * @param type CoreNLP's class: {@code PERSON, LOCATION, ORGANIZATION, MISC, DATE, TIME, DURATION, SET, MONEY,
 *        NUMBER, ORDINAL, PERCENT}
 * @param text the words as written
 * @param value normalised value where CoreNLP has one ({@code 2026-05-03}, {@code $25.00}, {@code 3.0}), else the text
 * @param begin character offset of the first character
 * @param end character offset after the last character
 */
public record Entity(String type, String text, String value, int begin, int end) {
}
