package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A combination of member forecasts: the median (robust to one member going astray) or the mean, step by step.
 * Interval bounds are combined the same way, a common heuristic: the result is not an exact interval of the
 * combination, and the backtest coverage in the model metrics says how well it holds.
 */
final class EnsembleFit implements FittedSeries {

    private final List<FittedSeries> members;
    private final boolean median;

    EnsembleFit(List<FittedSeries> members, boolean median) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs members");
        }
        this.members = List.copyOf(members);
        this.median = median;
    }

    @Override
    public String model() {
        List<String> names = new ArrayList<>();
        for (FittedSeries member : members) {
            names.add(member.model());
        }
        return "ensemble " + (median ? "median" : "mean") + " of [" + String.join(", ", names) + "]";
    }

    @Override
    public Forecast forecast(int h) {
        int k = members.size();
        double[][][] parts = new double[5][k][];
        for (int j = 0; j < k; j++) {
            Forecast f = members.get(j).forecast(h);
            parts[0][j] = f.mean();
            parts[1][j] = f.lower80();
            parts[2][j] = f.upper80();
            parts[3][j] = f.lower95();
            parts[4][j] = f.upper95();
        }
        double[][] combined = new double[5][h];
        double[] column = new double[k];
        for (int p = 0; p < 5; p++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < k; j++) {
                    column[j] = parts[p][j][i];
                }
                combined[p][i] = median ? Stats.median(column) : Stats.mean(column, 0, k);
            }
        }
        return new Forecast(combined[0], combined[1], combined[2], combined[3], combined[4], "combined");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeBoolean(median);
        out.writeInt(members.size());
        for (FittedSeries member : members) {
            SeriesCodec.write(out, member);
        }
    }

    static EnsembleFit read(DataInputStream in, MlpNetwork network) throws IOException {
        boolean median = in.readBoolean();
        int count = in.readInt();
        List<FittedSeries> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(SeriesCodec.read(in, network));
        }
        return new EnsembleFit(members, median);
    }
}
