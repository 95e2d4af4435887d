package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** One series forecast by the shared {@link MlpNetwork}: only its recent history is per-series state. */
final class MlpFit implements FittedSeries {

    private final MlpNetwork network;
    private final double[] recent;

    MlpFit(MlpNetwork network, double[] history) {
        this.network = network;
        this.recent = network.lastWindow(history, history.length);
    }

    @Override
    public String model() {
        return "MLP (global, window " + network.window() + ")";
    }

    @Override
    public Forecast forecast(int h) {
        return network.forecast(recent, h);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        SeriesCodec.writeArray(out, recent);
    }

    static MlpFit read(DataInputStream in, MlpNetwork network) throws IOException {
        if (network == null) {
            throw new IOException("an MLP series needs the network file");
        }
        return new MlpFit(network, SeriesCodec.readArray(in));
    }
}
