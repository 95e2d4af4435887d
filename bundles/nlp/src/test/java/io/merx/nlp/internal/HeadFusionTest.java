package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HeadFusionTest {

    private static final int CLASSES = 3;

    private static LinearHead randomHead(int inputs, long seed) {
        Random random = new Random(seed);
        float[] w = new float[inputs * CLASSES];
        float[] b = new float[CLASSES];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int c = 0; c < CLASSES; c++) {
            b[c] = (float) random.nextGaussian();
        }
        return new LinearHead(inputs, CLASSES, w, b);
    }

    @Test
    void theFusedHeadsLogitsAreTheWeightedSumOfBothHeadsLogits() {
        LinearHead ngrams = randomHead(16, 1);
        LinearHead embedding = randomHead(4, 2);
        LinearHead fused = HeadFusion.fuse(ngrams, embedding, 0.75);
        assertEquals(20, fused.inputs());

        SparseVector ngramInput = new SparseVector(new int[] {2, 7, 11}, new float[] {0.5f, 0.3f, 0.8f});
        float[] embeddingValues = {0.1f, -0.4f, 0.7f, 0.2f};
        SparseVector embeddingInput = new SparseVector(new int[] {0, 1, 2, 3}, embeddingValues);
        SparseVector combined = IntentModel.combine(ngramInput, embeddingValues, 16, 1f);

        double[] zn = ngrams.logits(ngramInput);
        double[] ze = embedding.logits(embeddingInput);
        double[] expected = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            expected[c] = 0.75 * zn[c] + ze[c];
        }
        assertArrayEquals(expected, fused.logits(combined), 1e-5);
    }

    @Test
    void theChosenWeightIsTheMostAccurateOnTheRowsGiven() {
        // The n-gram head knows class 0 from feature 0; the embedding head knows classes 1 and 2 from its inputs but
        // leans to class 0 a little everywhere. Row 0 is class 0; rows 1 and 2 need the embedding head to win.
        LinearHead ngrams = new LinearHead(1, CLASSES, new float[] {4, 0, 0}, new float[] {0, 0, 0});
        LinearHead embedding = new LinearHead(2, CLASSES, new float[] {0, 3, 0, 0, 0, 3}, new float[] {1, 0, 0});
        SparseVector[] n = {
            new SparseVector(new int[] {0}, new float[] {1}),
            new SparseVector(new int[] {0}, new float[] {0.5f}),
            new SparseVector(new int[] {0}, new float[] {0.5f}),
        };
        SparseVector[] e = {
            new SparseVector(new int[] {0, 1}, new float[] {0, 0}),
            new SparseVector(new int[] {0, 1}, new float[] {1, 0}),
            new SparseVector(new int[] {0, 1}, new float[] {0, 1}),
        };
        int[] y = {0, 1, 2};
        int[] all = {0, 1, 2};
        HeadFusion.Choice choice = HeadFusion.choose(IntentTrainer.logits(ngrams, n, all),
                IntentTrainer.logits(embedding, e, all), y);
        assertEquals(1.0, choice.accuracy());
        // Rows 1 and 2 score 3 against 1 + 2a for class 0: a must stay under 1; the first, 0.25, is kept on ties.
        assertEquals(HeadFusion.NGRAM_WEIGHTS[0], choice.ngramWeight());
        assertTrue(choice.ngramWeight() < 1);

        // On row 0 alone every weight is right: still the first.
        int[] first = {0};
        assertEquals(HeadFusion.NGRAM_WEIGHTS[0], HeadFusion.choose(IntentTrainer.logits(ngrams, n, first),
                IntentTrainer.logits(embedding, e, first), IntentTrainer.select(y, first)).ngramWeight());
    }

    @Test
    void headsForDifferentIntentsAreRefused() {
        LinearHead three = randomHead(4, 3);
        LinearHead two = new LinearHead(4, 2, new float[8], new float[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadFusion.fuse(three, two, 1));
        assertTrue(e.getMessage().contains("3 and 2"), e.getMessage());
    }
}
