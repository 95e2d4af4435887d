package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.merx.api.TrainingException;

/**
 * Rolling-origin evaluation: for origins k = 1..K the series is cut {@code k * horizon} periods before its end,
 * refitted on what precedes the cut and forecast {@code horizon} steps. Reports the mean sMAPE (%), MASE (scaled by
 * the in-sample seasonal naive error) and the share of actuals inside the 80/95 % intervals. The MLP is not
 * retrained per origin: its network saw all but the last {@code horizon} points, so only the first origin is
 * out-of-sample for it.
 */
final class Backtest {

    private Backtest() {
    }

    /** Sums of the per-forecast figures; merged across threads. */
    private static final class Tally {
        double smape;
        int smapeCount;
        double mase;
        int maseCount;
        double inside80;
        double inside95;
        int points;
        int forecasts;

        void add(Tally other) {
            smape += other.smape;
            smapeCount += other.smapeCount;
            mase += other.mase;
            maseCount += other.maseCount;
            inside80 += other.inside80;
            inside95 += other.inside95;
            points += other.points;
            forecasts += other.forecasts;
        }
    }

    static Map<String, Double> run(List<double[]> series, Settings settings, SeriesForecaster forecaster,
            ExecutorService pool) throws TrainingException {
        int h = settings.horizon();
        int origins = settings.backtestOrigins();
        List<Future<Tally>> futures = new ArrayList<>();
        for (double[] y : series) {
            futures.add(pool.submit(() -> evaluate(y, h, origins, settings.season(), forecaster)));
        }
        Tally total = new Tally();
        try {
            for (Future<Tally> future : futures) {
                total.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("backtest interrupted", e);
        } catch (ExecutionException e) {
            throw new TrainingException("backtest failed: " + e.getCause(), e.getCause());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("backtestForecasts", (double) total.forecasts);
        if (total.forecasts > 0) {
            metrics.put("smape", total.smape / Math.max(1, total.smapeCount));
            if (total.maseCount > 0) {
                metrics.put("mase", total.mase / total.maseCount);
            }
            metrics.put("coverage80", total.inside80 / total.points);
            metrics.put("coverage95", total.inside95 / total.points);
        }
        return metrics;
    }

    private static Tally evaluate(double[] y, int h, int origins, int m, SeriesForecaster forecaster) {
        Tally tally = new Tally();
        for (int k = 1; k <= origins; k++) {
            int cut = y.length - k * h;
            if (cut < Math.max(2 * h, SeriesForecaster.MIN_LENGTH + 4)) {
                break;
            }
            double[] train = java.util.Arrays.copyOf(y, cut);
            Forecast f = Forecasts.finish(forecaster.fit(train), train, h);
            double[] actual = java.util.Arrays.copyOfRange(y, cut, cut + h);
            tally.smape += ForecastErrors.smape(actual, f.mean());
            tally.smapeCount++;
            double scale = ForecastErrors.naiveScale(train, m);
            if (scale > 0) {
                tally.mase += ForecastErrors.mae(actual, f.mean()) / scale;
                tally.maseCount++;
            }
            for (int i = 0; i < h; i++) {
                tally.inside80 += actual[i] >= f.lower80()[i] && actual[i] <= f.upper80()[i] ? 1 : 0;
                tally.inside95 += actual[i] >= f.lower95()[i] && actual[i] <= f.upper95()[i] ? 1 : 0;
            }
            tally.points += h;
            tally.forecasts++;
        }
        return tally;
    }
}
