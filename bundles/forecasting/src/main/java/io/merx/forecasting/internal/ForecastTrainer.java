package io.merx.forecasting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Trains one forecasting model over all series of a dataset: every series' own models on a fixed thread pool
 * (series are independent) while the calling thread trains the global MLP (when the method uses it), then the
 * rolling-origin backtest whose figures become the model's metrics.
 */
final class ForecastTrainer extends BaseTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastTrainer.class);

    private final Settings requested;

    /** Refuses a malformed ETS code here, before any training starts. */
    ForecastTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
        this.requested = Settings.of(hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        SeriesTable table = SeriesTable.from(data, requested);
        Settings settings = requested.withSeason(requested.season() > 0 ? requested.season() : table.season());
        Map<String, double[]> series = table.series();
        context.progress(0.02, series.size() + " series, " + table.frequency() + " periods, season "
                + settings.season());

        ForecastModelData model;
        Map<String, Double> metrics = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.resolvedThreads());
        try {
            // Every series' own models are fitted on the pool while this thread trains the global network: the
            // two are independent until the ensemble joins them.
            SeriesForecaster local = new SeriesForecaster(settings, null);
            Map<String, Future<Function<MlpNetwork, FittedSeries>>> futures = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> entry : series.entrySet()) {
                futures.put(entry.getKey(), pool.submit(() -> local.fitLocal(entry.getValue())));
            }
            MlpNetwork network = null;
            if (settings.usesMlp()) {
                network = new MlpTrainer(settings.resolvedWindow(), settings.horizon(), settings.mlpHidden(),
                        settings.mlpEpochs(), settings.mlpLearningRate(), settings.seed())
                        .train(new ArrayList<>(series.values()), context, 0.05, 0.5);
            }
            SeriesForecaster forecaster = new SeriesForecaster(settings, network);
            Map<String, ForecastModelData.SeriesEntry> fitted = new LinkedHashMap<>();
            int done = 0;
            for (Map.Entry<String, Future<Function<MlpNetwork, FittedSeries>>> entry : futures.entrySet()) {
                checkCancelled(context, "after fitting " + done + " series");
                fitted.put(entry.getKey(), new ForecastModelData.SeriesEntry(series.get(entry.getKey()),
                        entry.getValue().get().apply(network)));
                if (++done % 100 == 0 || done == futures.size()) {
                    context.progress(0.5 + 0.3 * done / futures.size(), "fitted " + done + "/" + futures.size());
                }
            }
            model = new ForecastModelData(settings, table.frequency(), fitted, network);
            metrics.put("series", (double) series.size());
            metrics.put("season", (double) settings.season());
            metrics.put("valuesInterpolated",
                    (double) table.interpolated().values().stream().mapToInt(Integer::intValue).sum());
            metrics.put("seriesIntermittent", (double) fitted.values().stream()
                    .filter(e -> e.fit() instanceof CrostonFit).count());
            metrics.put("seriesConstant", (double) fitted.values().stream()
                    .filter(e -> e.fit() instanceof ConstantFit).count());
            if (settings.backtestOrigins() > 0) {
                context.progress(0.8, "backtesting " + settings.backtestOrigins() + " origins");
                metrics.putAll(Backtest.run(new ArrayList<>(series.values()), settings, forecaster, pool));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while fitting series", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new TrainingException("fitting a series failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        LOG.info("forecasting model trained on {} series, method {}: {}", series.size(), settings.method(),
                metrics);
        context.progress(1.0, "done: " + metrics);
        // Nothing native to free: the MLP's weights were copied out of ND4J when training finished.
        ForecastModelData trained = model;
        return TrainedModel.of(provenance(data, metrics),
                ForecastScorer.schema(trained.settings().resolvedMaxHorizon()), warmup(trained),
                directory -> ModelFiles.write(trained, directory));
    }

    private static List<ScoreRequest> warmup(ForecastModelData model) {
        List<ScoreRequest> warmup = new ArrayList<>();
        Map.Entry<String, ForecastModelData.SeriesEntry> first = model.series().entrySet().iterator().next();
        warmup.add(ScoreRequest.of(Map.of("series", first.getKey())));
        double[] history = first.getValue().history();
        warmup.add(ScoreRequest.of(Map.of("history", history.clone(), "horizon",
                Math.min(model.settings().horizon(), model.settings().resolvedMaxHorizon()))));
        return warmup;
    }
}
