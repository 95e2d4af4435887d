package io.merx.example.linear.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One row times the folded weights, with its input row, its output and the ND4J op context made once and reused
 * call after call. A plain {@code Nd4j.create(row).mmul(weights)} makes ten off-heap buffers per call, each
 * registered with ND4J's deallocator until a garbage collection finds it unreachable: under thousands of requests
 * a second those registrations were most of the serving JVM's live set, and marking them took a core for seconds
 * (docs/benchmarks/rest.md). Reused, a call allocates a few hundred bytes and registers nothing.
 *
 * <p>Not thread-safe: one caller at a time ({@link LinearScorer} keeps a pool). The weights are shared and only
 * read.
 */
final class PreparedRowProduct implements AutoCloseable {

    private final INDArray row;
    private final INDArray out;
    private final CustomOp product;
    private final OpContext context;
    private final int features;

    /** @param weights {@code features + 1} folded weights, a column; borrowed, not closed here */
    PreparedRowProduct(INDArray weights) {
        this.features = (int) weights.length() - 1;
        this.row = Nd4j.create(weights.dataType(), 1, features + 1);
        this.out = Nd4j.create(weights.dataType(), 1, 1);
        row.putScalar(features, 1.0); // times the intercept
        this.product = DynamicCustomOp.builder("matmul").addInputs(row, weights).addOutputs(out).build();
        this.context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(row, weights);
        context.setOutputArrays(out);
    }

    /**
     * The product of the raw (unstandardised) features at {@code values[offset...]} with the weights, intercept
     * included.
     */
    double apply(double[] values, int offset) {
        for (int j = 0; j < features; j++) {
            row.data().put(j, values[offset + j]);
        }
        Nd4j.exec(product, context);
        return out.data().getDouble(0);
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing an ND4J op context", e);
        } finally {
            row.close();
            out.close();
        }
    }
}
