package io.merx.risk.transaction;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.sdk.kind.PlattScaling;
import io.merx.risk.RankMetrics;

/**
 * The risk.transaction benchmark harness. (1) A simulated shop ({@link FraudScenario#DEMO} scaled to the given
 * number of honest accounts): trains the kind through its API with graph features from the data and without,
 * prints their held-out metrics, and writes {@code transaction.csv} (split, label, both Merx probabilities, the
 * point-in-time feature rows the trainer built) for the scikit-learn peers. (2) Scoring latency of one order with
 * graph features through the loaded scorer. (3) lending_club.csv: the same estimator (class-weighted L2 logistic +
 * Platt) on the tabular credit data, written to {@code lending.csv} with the same split for the peers.
 *
 * <p>Usage: RiskBenchmark outDir accounts lendingClub.csv
 */
public final class RiskBenchmark {

    private RiskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int accounts = Integer.parseInt(args[1]);
        Dataset data = SimulatedShop.orders(FraudScenario.DEMO.scaled(accounts, 1));
        System.out.printf(Locale.ROOT, "simulated shop: %d orders, %.0f fraudulent (scenario %s)%n", data.rowCount(),
                Arrays.stream(data.numbers("fraud")).sum(), FraudScenario.DEMO.scaled(accounts, 1));
        TransactionKind kind = new TransactionKind();
        Path withGraph = out.resolve("model-graph");
        Path withoutGraph = out.resolve("model-nograph");
        for (Path dir : List.of(withGraph, withoutGraph)) {
            Files.createDirectories(dir);
            String source = dir == withGraph ? "data" : "none";
            long start = System.nanoTime();
            try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(),
                    Map.of("graphFeatures", source))).train(data, TrainingContext.silent())) {
                System.out.printf(Locale.ROOT, "merx graphFeatures=%s: trained in %.1f s, %s%n", source,
                        (System.nanoTime() - start) / 1e9, model.provenance().metrics());
                model.save(dir);
            }
        }
        exportTransactions(data, TransactionModelFiles.read(withGraph), TransactionModelFiles.read(withoutGraph),
                out.resolve("transaction.csv"));
        // Twice each, alternating, so that machine load hits both alike; the second round is the one to read.
        for (int round = 1; round <= 2; round++) {
            latency(kind, withGraph, data, "round " + round + ", with graph features");
            latency(kind, withoutGraph, data, "round " + round + ", order features only");
        }
        lendingClub(Path.of(args[2]), out.resolve("lending.csv"));
    }

    private static void exportTransactions(Dataset data, TransactionModel graphModel, TransactionModel plainModel,
            Path file) throws IOException {
        List<TransactionColumns.Labelled> orders = TransactionColumns.read(data);
        OrderHistory history = OrderHistory.of(orders.stream().map(TransactionColumns.Labelled::order).toList());
        double[][] raw = TransactionTrainer.pointInTimeFeatures(orders, history, 50, 7 * 86_400L);
        int[] ends = TransactionTrainer.sliceEnds(orders.size(), 0.2, 0.2);
        int orderFeatures = OrderFeatures.ORDER_NAMES.size();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("order,split,label,merx_graph,merx_nograph," + String.join(",", OrderFeatures.names(true)));
            for (int i = 0; i < raw.length; i++) {
                String split = i < ends[0] ? "fit" : i < ends[1] ? "calibration" : "evaluation";
                double pGraph = graphModel.probability(raw[i]);
                double pPlain = plainModel.probability(Arrays.copyOf(raw[i], orderFeatures));
                StringBuilder row = new StringBuilder(orders.get(i).order().id()).append(',').append(split)
                        .append(',').append(orders.get(i).fraud() ? 1 : 0).append(',').append(pGraph).append(',')
                        .append(pPlain);
                for (double v : raw[i]) {
                    row.append(',').append(v);
                }
                w.println(row);
            }
        }
    }

    /** Single-order scoring through the Scorer: warm-up, then 20,000 timed calls; a quarter from new accounts. */
    private static void latency(TransactionKind kind, Path model, Dataset data, String label) throws Exception {
        List<TransactionColumns.Labelled> orders = TransactionColumns.read(data);
        List<ScoreRequest> requests = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            Order o = orders.get(orders.size() / 2 + random.nextInt(orders.size() / 2)).order();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("customer", random.nextInt(4) == 0 ? "new-" + i : o.account());
            r.put("order_time", LocalDateTime.ofEpochSecond(o.time(), 0, ZoneOffset.UTC).toString());
            r.put("amount", o.amount());
            r.put("card", o.card());
            r.put("device", o.device());
            r.put("address", o.address());
            r.put("billing_address", o.billing());
            r.put("email", o.email());
            requests.add(ScoreRequest.of(r));
        }
        try (Scorer scorer = kind.load(model)) {
            for (int i = 0; i < 20_000; i++) {
                scorer.score(requests.get(i % requests.size()));
            }
            long[] nanos = new long[20_000];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                scorer.score(requests.get(i % requests.size()));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "latency of one order, %s (snapshot, %d calls, one thread): p50 %.1f us,"
                    + " p99 %.1f us, max %.1f us%n", label, nanos.length, nanos[nanos.length / 2] / 1e3,
                    nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[nanos.length - 1] / 1e3);
        }
    }

    /** The estimator of risk.transaction on lending_club: one-hot categories, ln(1 + x) of amounts. */
    private static void lendingClub(Path csv, Path file) throws IOException {
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(csv)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
        List<String> numeric = List.of("funded_amnt", "int_rate", "annual_inc", "delinq_2yrs", "inq_last_6mths",
                "revol_util", "acc_now_delinq", "open_il_6m", "open_il_12m", "open_il_24m", "total_bal_il",
                "all_util", "inq_fi", "inq_last_12m", "delinq_amnt", "num_il_tl", "total_il_high_credit_limit");
        List<String> logged = List.of("funded_amnt", "annual_inc", "total_bal_il", "delinq_amnt",
                "total_il_high_credit_limit");
        List<String> names = new ArrayList<>(numeric);
        names.addAll(List.of("term_60", "sub_grade_rank", "verified", "source_verified"));
        int n = records.size();
        double[][] x = new double[n][names.size()];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = records.get(i);
            int j = 0;
            for (String column : numeric) {
                double v = Double.parseDouble(r.get(column));
                x[i][j++] = logged.contains(column) ? Math.log1p(Math.max(0, v)) : v;
            }
            x[i][j++] = "term_60".equals(r.get("term")) ? 1 : 0;
            String grade = r.get("sub_grade");
            x[i][j++] = (grade.charAt(0) - 'A') * 5 + (grade.charAt(1) - '1');
            x[i][j++] = "Verified".equals(r.get("verification_status")) ? 1 : 0;
            x[i][j] = "Source_Verified".equals(r.get("verification_status")) ? 1 : 0;
            y[i] = "bad".equals(r.get("Class"));
        }
        // No time column: a seeded random 60/20/20 split, the same rows for the peers.
        String[] split = new String[n];
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            split[i] = u < 0.6 ? "fit" : u < 0.8 ? "calibration" : "evaluation";
        }
        int d = names.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        List<Integer> fit = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ("fit".equals(split[i])) {
                fit.add(i);
            }
        }
        for (int i : fit) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / fit.size();
            }
        }
        for (int i : fit) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.pow(x[i][j] - mean[j], 2) / fit.size();
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] zFit = fit.stream().map(i -> z[i]).toArray(double[][]::new);
        boolean[] yFit = new boolean[fit.size()];
        double positives = 0;
        for (int k = 0; k < fit.size(); k++) {
            yFit[k] = y[fit.get(k)];
            positives += yFit[k] ? 1 : 0;
        }
        double positiveWeight = (fit.size() - positives) / positives;
        double[] weights = new double[fit.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = yFit[k] ? positiveWeight : 1;
        }
        double[] beta = WeightedLogistic.fit(zFit, yFit, weights, 0.001);
        List<Double> calibrationLogits = new ArrayList<>();
        List<Boolean> calibrationLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ("calibration".equals(split[i])) {
                calibrationLogits.add(WeightedLogistic.logit(beta, z[i]));
                calibrationLabels.add(y[i]);
            }
        }
        boolean[] cl = new boolean[calibrationLabels.size()];
        for (int k = 0; k < cl.length; k++) {
            cl[k] = calibrationLabels.get(k);
        }
        PlattScaling platt = PlattScaling.fit(calibrationLogits.stream().mapToDouble(Double::doubleValue).toArray(),
                cl);
        List<Double> p = new ArrayList<>();
        List<Boolean> truth = new ArrayList<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("row,split,label,merx," + String.join(",", names));
            for (int i = 0; i < n; i++) {
                double probability = platt.probability(WeightedLogistic.logit(beta, z[i]));
                StringBuilder row = new StringBuilder().append(i).append(',').append(split[i]).append(',')
                        .append(y[i] ? 1 : 0).append(',').append(probability);
                for (double v : x[i]) {
                    row.append(',').append(v);
                }
                w.println(row);
                if ("evaluation".equals(split[i])) {
                    p.add(probability);
                    truth.add(y[i]);
                }
            }
        }
        double[] scores = p.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] labels = new boolean[truth.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = truth.get(k);
        }
        System.out.printf(Locale.ROOT, "lending_club (%d loans, %d held out): merx weighted L2 logistic + Platt: "
                + "PR-AUC %.3f ROC-AUC %.3f recall@1%%FPR %.3f%n", n, labels.length, RankMetrics.prAuc(scores, labels),
                RankMetrics.rocAuc(scores, labels), RankMetrics.recallAtFpr(scores, labels, 0.01));
    }
}
