package io.merx.recommendation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The SASRec network (Kang and McAuley 2018) with its gradients, in plain Java over one flat parameter array:
 * item and learned position embeddings, {@code blocks} causal single-head self-attention blocks (layer norm,
 * residuals, a point-wise ReLU feed-forward layer), a final layer norm, and the paper's loss: at every position,
 * binary cross-entropy of the true next item against one sampled negative. An item's score is the dot product of
 * the encoding with its embedding (shared input and output table, as in the paper).
 *
 * <p>Why not SameDiff: on ND4J 1.0.0-M2.1 one gradient step on a 2 x 5 batch took 3-7 s on the loaded 2-core
 * machine (its interpreter's per-op cost; fit() alike), and two gather ops in one graph cannot be differentiated
 * at all. A user's sequence is at most {@code maxLength} items, so the arithmetic is small and runs faster on the
 * heap, where it also needs no native memory and is exactly reproducible. {@code SasrecNetworkTest} checks every
 * gradient against finite differences.
 *
 * <p>Sequences are not padded: position {@code t} of a length-{@code L} window gets position embedding
 * {@code maxLength - L + t}, so the latest item always sits at the last position. Instances are immutable views
 * of their parameter array once training has finished; {@link Pass} holds the per-thread working memory.
 */
final class SasrecNetwork {

    static final float LN_EPSILON = 1e-6f;
    private static final String[] BLOCK_PARTS = {"ln1.g", "ln1.b", "q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ln2.g",
        "ln2.b", "f1.w", "f1.b", "f2.w", "f2.b"};

    final int dim;
    final int blocks;
    final int maxLength;
    final int items;
    /** Every weight, at the offsets of {@link #offsets}. */
    final float[] params;
    private final Map<String, Integer> offsets;

    SasrecNetwork(int dim, int blocks, int maxLength, int items, float[] params) {
        this.dim = dim;
        this.blocks = blocks;
        this.maxLength = maxLength;
        this.items = items;
        this.offsets = layout(dim, blocks, maxLength, items);
        if (params.length != size(dim, blocks, maxLength, items)) {
            throw new IllegalArgumentException("sequential weights have " + params.length + " values, expected "
                    + size(dim, blocks, maxLength, items));
        }
        this.params = params;
    }

    /** Fresh weights drawn from {@code random}: embeddings N(0, 1/d), Glorot-uniform matrices, unit gains. */
    static SasrecNetwork initial(int dim, int blocks, int maxLength, int items, Random random) {
        float[] p = new float[size(dim, blocks, maxLength, items)];
        Map<String, Integer> at = layout(dim, blocks, maxLength, items);
        double std = 1 / Math.sqrt(dim);
        for (int i = 0; i < (items + maxLength) * dim; i++) {
            p[i] = (float) (random.nextGaussian() * std);
        }
        double limit = Math.sqrt(6.0 / (2 * dim));
        for (int b = 0; b < blocks; b++) {
            for (String m : new String[] {"q", "k", "v", "f1", "f2"}) {
                int off = at.get(name(b, m + ".w"));
                for (int i = 0; i < dim * dim; i++) {
                    p[off + i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            for (String ln : new String[] {"ln1", "ln2"}) {
                java.util.Arrays.fill(p, at.get(name(b, ln + ".g")), at.get(name(b, ln + ".g")) + dim, 1f);
            }
        }
        java.util.Arrays.fill(p, at.get("out.g"), at.get("out.g") + dim, 1f);
        return new SasrecNetwork(dim, blocks, maxLength, items, p);
    }

    static String name(int block, String part) {
        return "b" + block + "." + part;
    }

    static int size(int dim, int blocks, int maxLength, int items) {
        return (items + maxLength) * dim + blocks * (5 * dim * dim + 9 * dim) + 2 * dim;
    }

    private static Map<String, Integer> layout(int d, int blocks, int maxLength, int items) {
        Map<String, Integer> at = new LinkedHashMap<>();
        int off = 0;
        at.put("item", off);
        off += items * d;
        at.put("position", off);
        off += maxLength * d;
        for (int b = 0; b < blocks; b++) {
            for (String part : BLOCK_PARTS) {
                at.put(name(b, part), off);
                off += part.endsWith(".w") ? d * d : d;
            }
        }
        at.put("out.g", off);
        off += d;
        at.put("out.b", off);
        return at;
    }

    /** The item embeddings, row-major: what encodings are scored against. */
    float[] itemTable() {
        float[] table = new float[items * dim];
        System.arraycopy(params, 0, table, 0, table.length);
        return table;
    }

    /** The first non-finite weight's name, or null. */
    String firstNonFinite() {
        for (int i = 0; i < params.length; i++) {
            if (!Float.isFinite(params[i])) {
                String found = "weight " + i;
                for (Map.Entry<String, Integer> e : offsets.entrySet()) {
                    if (e.getValue() <= i) {
                        found = e.getKey();
                    }
                }
                return found;
            }
        }
        return null;
    }

    /** The encoding after reading {@code seq[from..to-1]} (oldest first; only the latest maxLength count). */
    float[] encode(int[] seq, int from, int to) {
        Pass pass = new Pass(this);
        int start = Math.max(from, to - maxLength);
        pass.forward(seq, start, to - start, null, 0);
        float[] h = new float[dim];
        System.arraycopy(pass.out, (to - start - 1) * dim, h, 0, dim);
        return h;
    }

    int offset(String name) {
        return offsets.get(name);
    }

    /**
     * Working memory of one forward and backward pass over one sequence: activations are kept for the backward
     * pass. One per thread.
     */
    static final class Pass {

        private final SasrecNetwork net;
        private final int d;
        private final int[] window;
        private int len;
        /** Per block: the block's input x, ln1 out q and its normalised form, Q', K, V, attention, r, y, H1. */
        private final float[][] x;
        private final float[][] q;
        private final float[][] qHat;
        private final float[] qInv;
        private final float[][] qp;
        private final float[][] k;
        private final float[][] v;
        private final float[][] att;
        private final float[][] yHat;
        private final float[][] y;
        private final float[][] hidden;
        private final float[][] invs;
        private final float[] blockOut;
        private final float[] outHat;
        private final float[] outInv;
        final float[] out;
        private final boolean[] inputKept;
        private final float[] scratch;

        Pass(SasrecNetwork net) {
            this.net = net;
            this.d = net.dim;
            int m = net.maxLength;
            int b = net.blocks;
            window = new int[m];
            x = new float[b][m * d];
            q = new float[b][m * d];
            qHat = new float[b][m * d];
            qInv = new float[b * m];
            qp = new float[b][m * d];
            k = new float[b][m * d];
            v = new float[b][m * d];
            att = new float[b][m * m];
            yHat = new float[b][m * d];
            y = new float[b][m * d];
            hidden = new float[b][m * d];
            invs = new float[b][m];
            blockOut = new float[m * d];
            outHat = new float[m * d];
            outInv = new float[m];
            out = new float[m * d];
            inputKept = new boolean[m * d];
            scratch = new float[Math.max(m, d)];
        }

        /**
         * Computes the encodings of every prefix of {@code seq[from..from+length-1]} into {@link #out}. With a
         * random source, drops activations (input embeddings and feed-forward hidden units) at rate
         * {@code dropout}, scaling the kept ones up.
         */
        void forward(int[] seq, int from, int length, Random dropoutRandom, double dropout) {
            float[] p = net.params;
            len = length;
            System.arraycopy(seq, from, window, 0, length);
            float scale = (float) Math.sqrt(d);
            int pos0 = net.offset("position") + (net.maxLength - len) * d;
            float keepScale = (float) (1 / (1 - dropout));
            dropoutOn = dropoutRandom != null;
            keep = dropoutOn ? keepScale : 1f;
            float[] in = x[0];
            for (int t = 0; t < len; t++) {
                int row = window[t] * d;
                for (int j = 0; j < d; j++) {
                    float e = p[row + j] * scale + p[pos0 + t * d + j];
                    if (dropoutRandom != null) {
                        boolean kept = dropoutRandom.nextDouble() >= dropout;
                        inputKept[t * d + j] = kept;
                        e = kept ? e * keepScale : 0;
                    }
                    in[t * d + j] = e;
                }
            }
            float invSqrt = 1 / scale;
            for (int b = 0; b < net.blocks; b++) {
                float[] xb = x[b];
                layerNorm(xb, qHat[b], q[b], qInv, b * net.maxLength, net.offset(name(b, "ln1.g")),
                        net.offset(name(b, "ln1.b")));
                affine(q[b], qp[b], name(b, "q"));
                affine(xb, k[b], name(b, "k"));
                affine(xb, v[b], name(b, "v"));
                float[] a = att[b];
                float[] next = b + 1 < net.blocks ? x[b + 1] : blockOut;
                float[] rr = new float[len * d];
                for (int t = 0; t < len; t++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int s = 0; s <= t; s++) {
                        float sc = dot(qp[b], t * d, k[b], s * d, d) * invSqrt;
                        a[t * net.maxLength + s] = sc;
                        max = Math.max(max, sc);
                    }
                    float sum = 0;
                    for (int s = 0; s <= t; s++) {
                        float e = (float) Math.exp(a[t * net.maxLength + s] - max);
                        a[t * net.maxLength + s] = e;
                        sum += e;
                    }
                    for (int s = 0; s <= t; s++) {
                        a[t * net.maxLength + s] /= sum;
                    }
                    for (int j = 0; j < d; j++) {
                        float acc = q[b][t * d + j];
                        for (int s = 0; s <= t; s++) {
                            acc += a[t * net.maxLength + s] * v[b][s * d + j];
                        }
                        rr[t * d + j] = acc;
                    }
                }
                layerNorm(rr, yHat[b], y[b], invs[b], 0, net.offset(name(b, "ln2.g")), net.offset(name(b, "ln2.b")));
                affine(y[b], hidden[b], name(b, "f1"));
                float[] h = hidden[b];
                for (int i = 0; i < len * d; i++) {
                    float value = Math.max(0, h[i]);
                    if (dropoutRandom != null) {
                        value = dropoutRandom.nextDouble() >= dropout ? value * keepScale : 0;
                    }
                    h[i] = value;
                }
                affine(h, next, name(b, "f2"));
                for (int i = 0; i < len * d; i++) {
                    next[i] += y[b][i];
                }
            }
            layerNorm(blockOut, outHat, out, outInv, 0, net.offset("out.g"), net.offset("out.b"));
        }

        /**
         * The paper's loss over this pass's positions, given each position's true next item and a negative,
         * divided by {@code norm}; adds its gradient, times {@code 1/norm}, to {@code grad}. Returns the loss.
         */
        double backward(int[] positives, int[] negatives, int from, float norm, float[] grad) {
            float[] p = net.params;
            double loss = 0;
            float[] dOut = new float[len * d];
            for (int t = 0; t < len; t++) {
                int pe = positives[from + t] * d;
                int ne = negatives[from + t] * d;
                float pl = dot(out, t * d, p, pe, d);
                float nl = dot(out, t * d, p, ne, d);
                loss += softplus(-pl) + softplus(nl);
                float dp = (sigmoid(pl) - 1) / norm;
                float dn = sigmoid(nl) / norm;
                for (int j = 0; j < d; j++) {
                    dOut[t * d + j] = dp * p[pe + j] + dn * p[ne + j];
                    grad[pe + j] += dp * out[t * d + j];
                    grad[ne + j] += dn * out[t * d + j];
                }
            }
            backThroughTrunk(dOut, grad);
            return loss / norm;
        }

        /**
         * Cross-entropy of each position's true next item against {@code negatives} (shared by all positions of
         * the pass; a negative equal to a position's true item is left out of that position's softmax), divided
         * by {@code norm}; adds its gradient, times {@code 1/norm}, to {@code grad}. Returns the loss. With every
         * other item as a negative this is the full softmax; with a uniform sample it is sampled softmax, whose
         * bias (a constant log-count for uniform sampling) does not move the ranking.
         */
        double backwardSoftmax(int[] positives, int[] negatives, int from, float norm, float[] grad) {
            float[] p = net.params;
            double loss = 0;
            float[] dOut = new float[len * d];
            int n = negatives.length;
            float[] logits = new float[n + 1];
            for (int t = 0; t < len; t++) {
                int positive = positives[from + t];
                logits[0] = dot(out, t * d, p, positive * d, d);
                float max = logits[0];
                for (int i = 0; i < n; i++) {
                    logits[i + 1] = negatives[i] == positive ? Float.NEGATIVE_INFINITY
                            : dot(out, t * d, p, negatives[i] * d, d);
                    max = Math.max(max, logits[i + 1]);
                }
                double sum = 0;
                for (int i = 0; i <= n; i++) {
                    sum += Math.exp(logits[i] - max);
                }
                loss += Math.log(sum) + max - logits[0];
                for (int i = 0; i <= n; i++) {
                    if (logits[i] == Float.NEGATIVE_INFINITY) {
                        continue;
                    }
                    float dz = (float) ((Math.exp(logits[i] - max) / sum - (i == 0 ? 1 : 0)) / norm);
                    int e = (i == 0 ? positive : negatives[i - 1]) * d;
                    for (int j = 0; j < d; j++) {
                        dOut[t * d + j] += dz * p[e + j];
                        grad[e + j] += dz * out[t * d + j];
                    }
                }
            }
            backThroughTrunk(dOut, grad);
            return loss / norm;
        }

        /** Back-propagates the gradient of the output rows through the blocks to the embeddings. */
        private void backThroughTrunk(float[] dOut, float[] grad) {
            float[] dx = new float[len * d];
            layerNormBack(dOut, outHat, outInv, 0, net.offset("out.g"), net.offset("out.b"), grad, dx);
            float invSqrt = (float) (1 / Math.sqrt(d));
            for (int b = net.blocks - 1; b >= 0; b--) {
                // x_{b+1} = y + f2(relu(f1(y))), y = LN2(r), r = q + A V, q = LN1(x_b)
                float[] dy = dx.clone();
                float[] dHidden = new float[len * d];
                affineBack(hidden[b], dx, dHidden, name(b, "f2"), grad);
                for (int i = 0; i < len * d; i++) {
                    if (hidden[b][i] <= 0) {
                        dHidden[i] = 0; // ReLU off, or dropped (then the stored value is 0 too)
                    } else {
                        dHidden[i] *= keep;
                    }
                }
                affineBack(y[b], dHidden, dy, name(b, "f1"), grad);
                float[] dr = new float[len * d];
                layerNormBack(dy, yHat[b], invs[b], 0, net.offset(name(b, "ln2.g")), net.offset(name(b, "ln2.b")),
                        grad, dr);
                float[] dq = dr.clone();
                float[] dqp = new float[len * d];
                float[] dk = new float[len * d];
                float[] dv = new float[len * d];
                float[] a = att[b];
                float[] dA = new float[len];
                for (int t = 0; t < len; t++) {
                    float weighted = 0;
                    for (int s = 0; s <= t; s++) {
                        dA[s] = dot(dr, t * d, v[b], s * d, d);
                        weighted += a[t * net.maxLength + s] * dA[s];
                        float at = a[t * net.maxLength + s];
                        for (int j = 0; j < d; j++) {
                            dv[s * d + j] += at * dr[t * d + j];
                        }
                    }
                    for (int s = 0; s <= t; s++) {
                        float dS = a[t * net.maxLength + s] * (dA[s] - weighted) * invSqrt;
                        for (int j = 0; j < d; j++) {
                            dqp[t * d + j] += dS * k[b][s * d + j];
                            dk[s * d + j] += dS * qp[b][t * d + j];
                        }
                    }
                }
                float[] dxb = new float[len * d];
                affineBack(q[b], dqp, dq, name(b, "q"), grad);
                affineBack(x[b], dk, dxb, name(b, "k"), grad);
                affineBack(x[b], dv, dxb, name(b, "v"), grad);
                layerNormBack(dq, qHat[b], qInv, b * net.maxLength, net.offset(name(b, "ln1.g")),
                        net.offset(name(b, "ln1.b")), grad, dxb);
                dx = dxb;
            }
            float scale = (float) Math.sqrt(d);
            int pos0 = net.offset("position") + (net.maxLength - len) * d;
            for (int t = 0; t < len; t++) {
                int row = window[t] * d;
                for (int j = 0; j < d; j++) {
                    float g = dx[t * d + j];
                    if (dropoutOn) {
                        g = inputKept[t * d + j] ? g * keep : 0;
                    }
                    grad[row + j] += g * scale;
                    grad[pos0 + t * d + j] += g;
                }
            }
        }

        /** Whether the last forward pass dropped activations, and the scale of the kept ones (1 if not). */
        private boolean dropoutOn;
        private float keep = 1f;

        /** {@code out[t] = in[t] W + b} over this pass's rows. */
        private void affine(float[] in, float[] out, String prefix) {
            float[] p = net.params;
            int w = net.offset(prefix + ".w");
            int bias = net.offset(prefix + ".b");
            for (int t = 0; t < len; t++) {
                System.arraycopy(p, bias, out, t * d, d);
                for (int i = 0; i < d; i++) {
                    float xi = in[t * d + i];
                    if (xi == 0) {
                        continue;
                    }
                    int off = w + i * d;
                    for (int j = 0; j < d; j++) {
                        out[t * d + j] += xi * p[off + j];
                    }
                }
            }
        }

        /** Gradient of {@link #affine}: adds to W's and b's gradient and to {@code dIn}. */
        private void affineBack(float[] in, float[] dOut, float[] dIn, String prefix, float[] grad) {
            float[] p = net.params;
            int w = net.offset(prefix + ".w");
            int bias = net.offset(prefix + ".b");
            for (int t = 0; t < len; t++) {
                for (int j = 0; j < d; j++) {
                    grad[bias + j] += dOut[t * d + j];
                }
                for (int i = 0; i < d; i++) {
                    float xi = in[t * d + i];
                    int off = w + i * d;
                    float acc = 0;
                    for (int j = 0; j < d; j++) {
                        float g = dOut[t * d + j];
                        grad[off + j] += xi * g;
                        acc += p[off + j] * g;
                    }
                    dIn[t * d + i] += acc;
                }
            }
        }

        /** Normalises each row of {@code in}; keeps the normalised rows and inverse deviations. */
        private void layerNorm(float[] in, float[] hat, float[] out, float[] inv, int invOff, int gain, int bias) {
            float[] p = net.params;
            for (int t = 0; t < len; t++) {
                float mean = 0;
                for (int j = 0; j < d; j++) {
                    mean += in[t * d + j];
                }
                mean /= d;
                float var = 0;
                for (int j = 0; j < d; j++) {
                    float c = in[t * d + j] - mean;
                    var += c * c;
                }
                float iv = (float) (1 / Math.sqrt(var / d + LN_EPSILON));
                inv[invOff + t] = iv;
                for (int j = 0; j < d; j++) {
                    float h = (in[t * d + j] - mean) * iv;
                    hat[t * d + j] = h;
                    out[t * d + j] = h * p[gain + j] + p[bias + j];
                }
            }
        }

        /** Gradient of {@link #layerNorm}: adds to gain's and bias's gradient and to {@code dIn}. */
        private void layerNormBack(float[] dOut, float[] hat, float[] inv, int invOff, int gain, int bias,
                float[] grad, float[] dIn) {
            float[] p = net.params;
            for (int t = 0; t < len; t++) {
                float sum = 0;
                float sumHat = 0;
                for (int j = 0; j < d; j++) {
                    float g = dOut[t * d + j];
                    grad[gain + j] += g * hat[t * d + j];
                    grad[bias + j] += g;
                    float dh = g * p[gain + j];
                    scratch[j] = dh;
                    sum += dh;
                    sumHat += dh * hat[t * d + j];
                }
                float iv = inv[invOff + t];
                for (int j = 0; j < d; j++) {
                    dIn[t * d + j] += iv * (scratch[j] - sum / d - hat[t * d + j] * sumHat / d);
                }
            }
        }
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    static double softplus(float z) {
        return z > 20 ? z : Math.log1p(Math.exp(z));
    }
}
