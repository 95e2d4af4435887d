package io.merx.risk.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** MinHash estimates the exact Jaccard similarity of the 5-shingle sets, and the history finds copies by others. */
class MinHashTest {

    private static final List<FakeReviews.Text> TEXTS = DemoTexts.load();

    @Test
    void estimatesTheExactJaccardOfShingleSetsWithinItsSamplingError() {
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            String a = TEXTS.get(i).text();
            String b = i % 2 == 0 ? TEXTS.get(i + 100).text() : a.substring(a.length() / 3);
            double exact = jaccard(shingles(a), shingles(b));
            double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));
            worst = Math.max(worst, Math.abs(exact - estimate));
        }
        // 64 slots: standard error at most 0.0625; 40 pairs stay within four of them
        assertTrue(worst < 0.25, "worst error " + worst);
    }

    @Test
    void caseAndPunctuationEditsDoNotHideACopy() {
        String text = TEXTS.get(3).text();
        String edited = text.toUpperCase(java.util.Locale.ROOT).replace(".", "!!").replace(",", " ,");
        assertEquals(1.0, MinHash.similarity(MinHash.signature(text), MinHash.signature(edited)), 1e-12);
    }

    @Test
    void theHistoryCountsCopiesByOtherAccountsPostedBeforeOnly() {
        String text = TEXTS.get(5).text();
        int[] signature = MinHash.signature(text);
        ReviewHistory history = new ReviewHistory();
        history.add(new Review("alice", "P1", 100, Review.UNKNOWN, 5, ""), signature);
        history.add(new Review("bob", "P2", 300, Review.UNKNOWN, 5, ""), signature);
        assertEquals(1.0, history.copies(signature, "carol", 200, 0.5)[0], 1e-12);
        assertEquals(1.0, history.copies(signature, "carol", 200, 0.5)[1], 1e-12); // bob posts later
        assertEquals(0.0, history.copies(signature, "alice", 200, 0.5)[1], 1e-12); // her own text is no copy
        assertEquals(2.0, history.copies(signature, "carol", 400, 0.5)[1], 1e-12);
    }

    private static Set<String> shingles(String text) {
        String s = MinHash.normalise(text);
        Set<String> set = new HashSet<>();
        for (int i = 0; i + MinHash.SHINGLE <= s.length(); i++) {
            set.add(s.substring(i, i + MinHash.SHINGLE));
        }
        return set;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) union.size();
    }
}
