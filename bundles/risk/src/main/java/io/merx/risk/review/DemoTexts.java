package io.merx.risk.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real review texts for the demo model: the 1,000 reviews of the Amazon fine-food test sample (R modeldata
 * {@code small_fine_foods}, MIT licence; see NOTICE-fine-foods.txt next to the file), one per line as
 * {@code great|other <tab> text}, gzipped in the bundle so the demo trains offline.
 */
final class DemoTexts {

    static final String RESOURCE = "fine-foods-1000.tsv.gz";

    private DemoTexts() {
    }

    static List<FakeReviews.Text> load() {
        try (InputStream in = DemoTexts.class.getResourceAsStream(RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.UTF_8))) {
            List<FakeReviews.Text> texts = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                texts.add(new FakeReviews.Text(line.substring(tab + 1), line.startsWith("great")));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo review texts cannot be read from the bundle", e);
        }
    }
}
