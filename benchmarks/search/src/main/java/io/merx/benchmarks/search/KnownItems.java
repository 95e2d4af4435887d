package io.merx.benchmarks.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A known-item search set built from Amazon fine-food reviews ({@code product,review,score}; every product has
 * exactly one review in the train and test files together, so a product cannot be described by some reviews and
 * queried by others). Instead each review is split into sentences: the first sentence becomes the query, and the
 * product's catalogue entry is the rest of the review (title: its next sentence, description: the sentences after
 * that). A query's one relevant product is the one whose review it opened. This is a proxy for relevance, not a
 * human judgement: a shopper's words about a product are asked to find the other words written about it.
 *
 * @param ids product ids (ASINs), train file first
 * @param titles catalogue titles
 * @param descriptions catalogue descriptions
 * @param queries each product's query, or null when its review is too short to give one
 * @param fromTest whether the product comes from the test file (its query is a test query)
 */
record KnownItems(List<String> ids, List<String> titles, List<String> descriptions, List<String> queries,
        List<Boolean> fromTest) {

    /** A query needs a first sentence of at least this many words... */
    static final int MIN_QUERY_WORDS = 4;
    /** ...and the review at least this many sentences, so title and description are left. */
    static final int MIN_SENTENCES = 3;

    /** The first {@code perFile} reviews of each file (all of them when it is larger than the file). */
    static KnownItems read(Path train, Path test, int perFile) throws IOException {
        KnownItems items = new KnownItems(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        items.add(train, false, perFile);
        items.add(test, true, perFile);
        return items;
    }

    private void add(Path file, boolean test, int perFile) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > perFile) {
                    break;
                }
                List<String> sentences = sentences(row.get("review"));
                boolean queryable = sentences.size() >= MIN_SENTENCES
                        && sentences.get(0).split("\\s+").length >= MIN_QUERY_WORDS;
                int first = queryable ? 1 : 0;
                ids.add(row.get("product"));
                titles.add(sentences.isEmpty() ? row.get("product") : sentences.get(first));
                descriptions.add(String.join(" ", sentences.subList(Math.min(first + 1, sentences.size()),
                        sentences.size())));
                queries.add(queryable ? sentences.get(0) : null);
                fromTest.add(test);
            }
        }
    }

    static List<String> sentences(String review) {
        String text = review.replaceAll("<br\\s*/?>", " ").replaceAll("\\s+", " ").strip();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
