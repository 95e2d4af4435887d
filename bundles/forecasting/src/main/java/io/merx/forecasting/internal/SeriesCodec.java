package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of {@link FittedSeries}: a one-byte type tag, then the model's own fields. */
final class SeriesCodec {

    private static final int ETS = 1;
    private static final int THETA = 2;
    private static final int NAIVE = 3;
    private static final int CROSTON = 4;
    private static final int CONSTANT = 5;
    private static final int MLP = 6;
    private static final int ENSEMBLE = 7;

    private SeriesCodec() {
    }

    static void write(DataOutputStream out, FittedSeries fit) throws IOException {
        int tag;
        if (fit instanceof EtsFit) {
            tag = ETS;
        } else if (fit instanceof ThetaFit) {
            tag = THETA;
        } else if (fit instanceof NaiveFit) {
            tag = NAIVE;
        } else if (fit instanceof CrostonFit) {
            tag = CROSTON;
        } else if (fit instanceof ConstantFit) {
            tag = CONSTANT;
        } else if (fit instanceof MlpFit) {
            tag = MLP;
        } else if (fit instanceof EnsembleFit) {
            tag = ENSEMBLE;
        } else {
            throw new IOException("cannot store " + fit.getClass().getSimpleName());
        }
        out.writeByte(tag);
        fit.write(out);
    }

    static FittedSeries read(DataInputStream in, MlpNetwork network) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case ETS -> EtsFit.read(in);
            case THETA -> ThetaFit.read(in);
            case NAIVE -> NaiveFit.read(in);
            case CROSTON -> CrostonFit.read(in);
            case CONSTANT -> ConstantFit.read(in);
            case MLP -> MlpFit.read(in, network);
            case ENSEMBLE -> EnsembleFit.read(in, network);
            default -> throw new IOException("unknown series model tag " + tag);
        };
    }

    static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static double[] readArray(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 100_000_000) {
            throw new IOException("corrupt array length " + length);
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
