package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written gradients of the SASRec network agree with finite differences of its loss. */
class SasrecNetworkTest {

    private static final int[] SEQ = {3, 7, 1, 9, 4};
    private static final int[] POS = {7, 1, 9, 4, 11};
    private static final int[] NEG = {0, 5, 2, 8, 6};
    /** Shared negatives of the softmax loss; 9 and 4 are also true next items, so they are masked there. */
    private static final int[] SAMPLE = {0, 9, 2, 4, 10, 6};

    private static double loss(SasrecNetwork net, boolean softmax, float[] grad) {
        SasrecNetwork.Pass pass = new SasrecNetwork.Pass(net);
        pass.forward(SEQ, 0, SEQ.length, null, 0);
        return softmax ? pass.backwardSoftmax(POS, SAMPLE, 0, 1f, grad) : pass.backward(POS, NEG, 0, 1f, grad);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        checkGradients(false);
    }

    @Test
    void softmaxGradientsMatchFiniteDifferences() {
        checkGradients(true);
    }

    private static void checkGradients(boolean softmax) {
        SasrecNetwork net = SasrecNetwork.initial(8, 2, 6, 12, new Random(5));
        float[] grad = new float[net.params.length];
        loss(net, softmax, grad);
        Random pick = new Random(11);
        int checked = 0;
        double worst = 0;
        for (int trial = 0; trial < 400; trial++) {
            int i = pick.nextInt(net.params.length);
            float saved = net.params[i];
            float eps = 1e-2f;
            net.params[i] = saved + eps;
            double up = loss(net, softmax, new float[grad.length]);
            net.params[i] = saved - eps;
            double down = loss(net, softmax, new float[grad.length]);
            net.params[i] = saved;
            double numeric = (up - down) / (2 * eps);
            if (Math.abs(numeric) < 1e-3 && Math.abs(grad[i]) < 1e-3) {
                continue;
            }
            double error = Math.abs(numeric - grad[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(grad[i]));
            worst = Math.max(worst, error);
            assertTrue(error < 0.05, "parameter " + i + ": analytic " + grad[i] + ", numeric " + numeric);
            checked++;
        }
        assertTrue(checked > 100, "too few parameters with a gradient: " + checked + " (worst error " + worst + ")");
    }

    @Test
    void encodingIsTheLastPositionOfTheTrainingPass() {
        SasrecNetwork net = SasrecNetwork.initial(8, 2, 6, 12, new Random(5));
        SasrecNetwork.Pass pass = new SasrecNetwork.Pass(net);
        pass.forward(SEQ, 0, SEQ.length, null, 0);
        float[] last = new float[8];
        System.arraycopy(pass.out, 4 * 8, last, 0, 8);
        assertArrayEquals(last, net.encode(SEQ, 0, SEQ.length), 0f);
        // Only the latest maxLength items count.
        int[] longer = {2, 2, 2, 3, 7, 1, 9, 4};
        int[] tail = {2, 3, 7, 1, 9, 4};
        assertArrayEquals(net.encode(tail, 0, tail.length), net.encode(longer, 0, longer.length), 0f);
    }

    @Test
    void rejectsWeightsOfTheWrongSize() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SasrecNetwork(8, 2, 6, 12, new float[10]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        assertEquals(SasrecNetwork.size(8, 2, 6, 12), SasrecNetwork.initial(8, 2, 6, 12, new Random(1)).params.length);
    }
}
