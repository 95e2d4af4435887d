package io.merx.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over the catalogue's texts, in Lucene: English analysis (stop words, possessives, Porter stemming), one
 * field holding title and description, {@link BM25Similarity} with the model's k1 and b. The index lives in memory
 * and is rebuilt from the stored catalogue on every load, so an artifact does not depend on Lucene's file format
 * and loads in any later version of the kind.
 */
final class Bm25Index implements AutoCloseable {

    private static final String TEXT = "text";
    private static final String ROW = "row";
    /** Longest query, in analysed terms; Lucene refuses more than 1024 clauses. */
    static final int MAX_TERMS = 1000;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int size;

    Bm25Index(Catalogue catalogue, double k1, double b) {
        BM25Similarity similarity = new BM25Similarity((float) k1, (float) b);
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity).setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < catalogue.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, catalogue.text(i), Field.Store.NO));
                doc.add(new NumericDocValuesField(ROW, i));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        size = catalogue.size();
    }

    /** The query's analysed terms, as the index holds them. */
    List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, query)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query in memory", e);
        }
        return terms;
    }

    /**
     * BM25 score of every product for the query (a disjunction of its terms): 0 where no term matches.
     */
    float[] scores(String query) {
        List<String> terms = terms(query);
        float[] scores = new float[size];
        if (terms.isEmpty()) {
            return scores;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        try {
            searcher.search(builder.build(), new AllScores(scores));
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index", e);
        }
        return scores;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the in-memory index", e);
        }
    }

    /** Writes each matching document's score at its product row; the searcher runs it over every index slice. */
    private static final class AllScores implements CollectorManager<SimpleCollector, Void> {

        private final float[] scores;

        AllScores(float[] scores) {
            this.scores = scores;
        }

        @Override
        public SimpleCollector newCollector() {
            return new SimpleCollector() {
                private Scorable scorer;
                private NumericDocValues rows;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    rows = context.reader().getNumericDocValues(ROW);
                }

                @Override
                public void setScorer(Scorable scorable) {
                    this.scorer = scorable;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (rows.advanceExact(doc)) {
                        scores[(int) rows.longValue()] = scorer.score();
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            };
        }

        @Override
        public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
        }
    }
}
