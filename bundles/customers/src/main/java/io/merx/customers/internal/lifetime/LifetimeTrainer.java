package io.merx.customers.internal.lifetime;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;
import io.merx.sdk.kind.BaseTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits BG/NBD and Gamma-Gamma on the calibration period, measures them on the hold-out (the provenance metrics),
 * then, with {@code serving=refit} (the default), refits both on all data for serving: the hold-out figures then
 * describe the method rather than the exact served parameters, in exchange for parameters that have seen the
 * latest behaviour. Customers' summaries are always taken at the end of the data.
 */
final class LifetimeTrainer extends BaseTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(LifetimeTrainer.class);

    private final LifetimeSettings settings;
    private final OrderColumns columns;

    LifetimeTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
        this.settings = LifetimeSettings.of(hp);
        this.columns = OrderColumns.of(hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        PurchaseDays days = PurchaseDays.of(CustomerHistories.from(data, columns));
        double unit = settings.daysPerUnit();
        int first = days.firstDay();
        int end = days.endDay();
        int calibrationEnd = settings.calibrationEndDay() >= 0 ? settings.calibrationEndDay()
                : first + (int) Math.floor(settings.calibrationFraction() * (end - first));
        if (calibrationEnd < first || calibrationEnd >= end) {
            throw new IllegalArgumentException("the calibration must end between the first order ("
                    + OrderDates.date(first) + ") and the day before the last (" + OrderDates.date(end) + "), got "
                    + OrderDates.date(calibrationEnd));
        }
        Map<String, RfmSummary> calibration = days.summaries(calibrationEnd, unit);
        context.progress(0.1, calibration.size() + " customers in the calibration period up to "
                + OrderDates.date(calibrationEnd));
        BgNbd bg = LifetimeFit.bgNbd(calibration.values());
        GammaGamma gg = LifetimeFit.gammaGamma(calibration.values());
        checkCancelled(context, "after the calibration fit");
        HoldoutEvaluation holdout = HoldoutEvaluation.of(bg, calibration,
                days.holdout(calibration, calibrationEnd, unit), (end - calibrationEnd) / unit, 7 / unit);
        context.progress(0.5, "hold-out MAE " + holdout.maeModel() + " (naive " + holdout.maeNaive() + ")");

        Map<String, RfmSummary> all = days.summaries(end, unit);
        if (settings.serving().equals("refit")) {
            bg = LifetimeFit.bgNbd(all.values());
            gg = LifetimeFit.gammaGamma(all.values());
        }
        Map<String, Double> metrics = new LinkedHashMap<>(holdout.metrics());
        metrics.put("customers", (double) all.size());
        metrics.put("bgnbd.r", bg.r());
        metrics.put("bgnbd.alpha", bg.alpha());
        metrics.put("bgnbd.a", bg.a());
        metrics.put("bgnbd.b", bg.b());
        metrics.put("gammagamma.p", gg.p());
        metrics.put("gammagamma.q", gg.q());
        metrics.put("gammagamma.gamma", gg.gamma());
        LifetimeModel model = new LifetimeModel(settings, bg, gg, end, all);
        LOG.info("customers.lifetime trained on {} customers: {}", all.size(), metrics);
        context.progress(1.0, "done");
        String someone = all.keySet().iterator().next();
        return TrainedModel.of(provenance(data, metrics), LifetimeScorer.schema(),
                List.of(ScoreRequest.of(Map.of("customer", someone))), dir -> LifetimeFiles.write(model, dir));
    }
}
