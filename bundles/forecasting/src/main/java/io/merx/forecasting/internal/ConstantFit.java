package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The forecast for a constant (or all-zero) history: that value, with zero-width intervals. Smoothing models
 * have no defined likelihood when every error is zero, so this is the documented fallback.
 */
final class ConstantFit implements FittedSeries {

    private final double value;

    ConstantFit(double value) {
        this.value = value;
    }

    static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String model() {
        return value == 0 ? "constant (history is all zeros)" : "constant (history is constant)";
    }

    @Override
    public Forecast forecast(int h) {
        double[] v = new double[h];
        java.util.Arrays.fill(v, value);
        return new Forecast(v, v.clone(), v.clone(), v.clone(), v.clone(), "analytic");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(value);
    }

    static ConstantFit read(DataInputStream in) throws IOException {
        return new ConstantFit(in.readDouble());
    }
}
