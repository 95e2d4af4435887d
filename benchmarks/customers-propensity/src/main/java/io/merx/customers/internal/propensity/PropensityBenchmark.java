package io.merx.customers.internal.propensity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;

/**
 * Superstore propensity benchmark: trains {@code customers.propensity} through the kind API (train, save, load),
 * prints its held-out metrics, and writes the very feature rows the trainer built, with their split
 * ({@code fit}, {@code calibration}, {@code evaluation}), labels and Merx's held-out probabilities, to
 * {@code features.csv}, for {@code peers.py} to fit scikit-learn on the same features and split.
 *
 * <p>Usage: {@code PropensityBenchmark superstore.csv outDir horizonDays cutoffs}
 */
public final class PropensityBenchmark {

    private PropensityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int horizon = Integer.parseInt(args[2]);
        int fitCutoffs = Integer.parseInt(args[3]);
        Dataset data = superstore(csv);

        PropensityKind kind = new PropensityKind();
        HyperParameters hp = HyperParameters.of(kind.parameters(),
                Map.of("horizonDays", (long) horizon, "cutoffs", (long) fitCutoffs));
        long start = System.nanoTime();
        Path modelDir = Files.createDirectories(out.resolve("model"));
        Map<String, Double> metrics;
        try (TrainedModel model = kind.newTrainer(hp).train(data, TrainingContext.silent())) {
            metrics = model.provenance().metrics();
            model.save(modelDir);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        PropensityModel model = PropensityModelFiles.read(modelDir);

        CustomerHistories histories = CustomerHistories.from(data, OrderColumns.of(hp));
        Cutoffs cutoffs = Cutoffs.of(histories.firstDay(), histories.endDay(), horizon, fitCutoffs);
        System.out.printf(Locale.ROOT, "superstore: %d lines, %d customers, %s..%s; horizon %d days; cutoffs fit %s,"
                + " calibration %s, evaluation %s%n", data.rowCount(), histories.size(),
                OrderDates.date(histories.firstDay()), OrderDates.date(histories.endDay()), horizon,
                cutoffs.fit().stream().map(OrderDates::date).toList(), OrderDates.date(cutoffs.calibration()),
                OrderDates.date(cutoffs.evaluation()));
        System.out.printf(Locale.ROOT, "merx customers.propensity: trained in %.2f s; held out: AUC %.4f, Brier %.4f,"
                + " log loss %.4f, observed rate %.3f, mean predicted %.3f (%d customers)%n", trainSeconds,
                metrics.get("auc"), metrics.get("brier"), metrics.get("logLoss"), metrics.get("observedRate"),
                metrics.get("meanPredicted"), metrics.get("evaluationRows").intValue());

        List<String> names = model.featureNames();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("features.csv"),
                StandardCharsets.UTF_8))) {
            w.println("customer,cutoff,split,label,merx," + String.join(",", names.stream()
                    .map(n -> n.replace(',', ' ')).toList()));
            for (int cutoff : cutoffs.fit()) {
                write(w, Cutoffs.examples(histories, cutoff, horizon, model.categories()), "fit", model);
            }
            write(w, Cutoffs.examples(histories, cutoffs.calibration(), horizon, model.categories()), "calibration",
                    model);
            write(w, Cutoffs.examples(histories, cutoffs.evaluation(), horizon, model.categories()), "evaluation",
                    model);
        }
        try (Scorer scorer = kind.load(modelDir)) {
            String customer = histories.customers().get(0).customer();
            System.out.println("example answer for customer " + customer + ": "
                    + scorer.score(ScoreRequest.of(Map.of("customer", customer))).outputs());
        }
        System.out.println("features: " + out.resolve("features.csv"));
    }

    /** One row per example: the features as the model sees them (log-scaled where it logs them). */
    private static void write(PrintWriter w, List<Example> rows, String split, PropensityModel model) {
        for (Example row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(row.customer()).append(',').append(OrderDates.date(row.cutoffDay())).append(',').append(split)
                    .append(',').append(PropensityTrainer.label(row, "churn".equals(model.target())) ? 1 : 0)
                    .append(',').append(model.probability(row.raw()));
            for (double x : BehaviourFeatures.transformed(row.raw())) {
                line.append(',').append(x);
            }
            w.println(line);
        }
    }

    /** Superstore's order lines: Customer ID, Order Date, Order ID, Category, Sales. */
    static Dataset superstore(Path csv) throws IOException {
        List<String> customer = new ArrayList<>();
        List<String> date = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> category = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                customer.add(r.get("Customer ID"));
                date.add(r.get("Order Date"));
                order.add(r.get("Order ID"));
                category.add(r.get("Category"));
                amount.add(Double.parseDouble(r.get("Sales")));
            }
        }
        return Dataset.builder().strings("customer", customer.toArray(String[]::new))
                .strings("date", date.toArray(String[]::new)).strings("order", order.toArray(String[]::new))
                .strings("category", category.toArray(String[]::new))
                .numbers("amount", amount.stream().mapToDouble(Double::doubleValue).toArray()).build();
    }
}
