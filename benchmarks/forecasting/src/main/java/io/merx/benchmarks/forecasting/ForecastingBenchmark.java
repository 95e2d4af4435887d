package io.merx.benchmarks.forecasting;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.forecasting.internal.ForecastErrors;
import io.merx.forecasting.internal.ForecastingKind;

/**
 * Accuracy and speed of merx-forecasting on M3 monthly (train/test split as published, horizon 18) and on
 * Superstore sales aggregated to weekly series per category and sub-category (rolling-origin backtest). Goes
 * through the public kind API exactly as the platform does: train, save, load, score every series.
 *
 * <p>Arguments: {@code m3}, {@code superstore}, {@code all} or {@code synthetic}; optional {@code --limit N}
 * (first N M3 series, or N synthetic series, default 100,000) and {@code --methods a,b}. {@code synthetic} is the
 * throughput run: N generated monthly series (see {@link SyntheticSeries}), fit and forecast, series per second.
 */
public final class ForecastingBenchmark {

    private ForecastingBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // exec:exec passes -Dbenchmark.args as one argument
        String[] args = given.length == 1 ? given[0].trim().split("\\s+") : given;
        String mode = args.length > 0 ? args[0] : "all";
        int limit = Integer.MAX_VALUE;
        List<String> methods = mode.equals("synthetic") ? List.of("auto-ets", "ensemble")
                : List.of("snaive", "auto-ets", "theta", "mlp", "ensemble");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--methods")) {
                methods = List.of(args[++i].split(","));
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (mode.equals("synthetic")) {
            throughput(SyntheticSeries.generate(limit == Integer.MAX_VALUE ? 100_000 : limit, 2026), methods);
            return;
        }
        Path data = dataDirectory();
        if (mode.equals("m3") || mode.equals("all")) {
            m3(data.resolve("m3_monthly.csv"), limit, methods);
        }
        if (mode.equals("superstore") || mode.equals("all")) {
            superstore(data.resolve("superstore.csv"));
        }
    }

    /** The shared data folder: ../shared/data relative to the repository root. */
    private static Path dataDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("bundles")) && Files.isDirectory(dir.resolve("api")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Merx repository");
        }
        Path data = dir.resolveSibling("shared").resolve("data");
        if (!Files.isRegularFile(data.resolve("m3_monthly.csv"))) {
            throw new IllegalStateException("benchmark data not found: expected " + data
                    + "/m3_monthly.csv and superstore.csv (see shared/data/README.md)");
        }
        return data;
    }

    private static void m3(Path csv, int limit, List<String> methods) throws Exception {
        Map<String, List<double[]>> rows = new LinkedHashMap<>(); // id -> [train values], [test values]
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            String header = in.readLine();
            if (!header.startsWith("series,type,period,h,part,t,value")) {
                throw new IOException("unexpected M3 header: " + header);
            }
            Map<String, Map<Integer, Double>> train = new LinkedHashMap<>();
            Map<String, Map<Integer, Double>> test = new LinkedHashMap<>();
            for (String line; (line = in.readLine()) != null;) {
                String[] f = line.split(",");
                Map<String, Map<Integer, Double>> part = f[4].equals("train") ? train : test;
                part.computeIfAbsent(f[0], k -> new TreeMap<>()).put(Integer.parseInt(f[5]), Double.parseDouble(f[6]));
            }
            for (String id : train.keySet()) {
                if (rows.size() >= limit) {
                    break;
                }
                rows.put(id, List.of(values(train.get(id)), values(test.get(id))));
            }
        }
        List<String> ids = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            double[] y = e.getValue().get(0);
            for (int i = 0; i < y.length; i++) {
                ids.add(e.getKey());
                t.add((double) (i + 1));
                v.add(y[i]);
            }
        }
        Dataset dataset = Dataset.builder().strings("series", ids.toArray(new String[0]))
                .numbers("t", t.stream().mapToDouble(Double::doubleValue).toArray())
                .numbers("value", v.stream().mapToDouble(Double::doubleValue).toArray()).build();
        System.out.printf(Locale.ROOT, "%nM3 monthly: %d series, %d training values, horizon 18%n", rows.size(),
                dataset.rowCount());
        System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s %10s %12s %9s %9s%n", "merx method", "sMAPE", "MASE",
                "cov80", "cov95", "train s", "forecast s", "total s", "cpu s");
        ModelKind kind = new ForecastingKind();
        for (String method : methods) {
            Map<String, Object> hp = Map.of("method", method, "season", 12, "horizon", 18, "backtestOrigins", 0);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            Path dir = Files.createTempDirectory("m3-" + method);
            try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), hp))
                    .train(dataset, TrainingContext.silent())) {
                model.save(dir);
            }
            long trained = System.nanoTime();
            double smape = 0;
            double mase = 0;
            double in80 = 0;
            double in95 = 0;
            int points = 0;
            Map<String, String> models = new TreeMap<>();
            try (Scorer scorer = kind.load(dir)) {
                List<ScoreRequest> requests = new ArrayList<>();
                for (String id : rows.keySet()) {
                    requests.add(ScoreRequest.of(Map.of("series", id, "horizon", 18)));
                }
                List<ScoreResult> results = scorer.scoreBatch(requests);
                int k = 0;
                for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
                    ScoreResult r = results.get(k++);
                    double[] f = (double[]) r.outputs().get("forecast");
                    double[] l80 = (double[]) r.outputs().get("lower80");
                    double[] u80 = (double[]) r.outputs().get("upper80");
                    double[] l95 = (double[]) r.outputs().get("lower95");
                    double[] u95 = (double[]) r.outputs().get("upper95");
                    double[] train = e.getValue().get(0);
                    double[] actual = e.getValue().get(1);
                    smape += ForecastErrors.smape(actual, f);
                    mase += ForecastErrors.mae(actual, f) / ForecastErrors.naiveScale(train, 12);
                    for (int i = 0; i < actual.length; i++) {
                        in80 += actual[i] >= l80[i] && actual[i] <= u80[i] ? 1 : 0;
                        in95 += actual[i] >= l95[i] && actual[i] <= u95[i] ? 1 : 0;
                    }
                    points += actual.length;
                    String name = r.text("model").replaceAll(" \\(.*", "").trim();
                    models.merge(name.length() > 40 ? name.substring(0, 40) : name, "1", (a, b) ->
                            Integer.toString(Integer.parseInt(a) + 1));
                }
            }
            long done = System.nanoTime();
            int n = rows.size();
            System.out.printf(Locale.ROOT, "%-14s %8.2f %8.3f %8.3f %8.3f %10.1f %12.2f %9.1f %9.1f%n", method,
                    smape / n, mase / n, in80 / points, in95 / points, (trained - start) / 1e9,
                    (done - trained) / 1e9, (done - start) / 1e9, (cpuNanos() - cpuStart) / 1e9);
            if (method.equals("auto-ets")) {
                System.out.println("  chosen ETS models: " + models);
            }
        }
    }

    /** Fit (train + save) and forecast (load + score every series, h=18 with intervals) of synthetic series. */
    private static void throughput(List<double[]> series, List<String> methods) throws Exception {
        List<String> ids = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        int values = 0;
        for (int s = 0; s < series.size(); s++) {
            String id = "s" + s; // one String per series, not per row: 100k series hold ~10M rows
            for (int i = 0; i < series.get(s).length; i++) {
                ids.add(id);
                t.add((double) (i + 1));
                v.add(series.get(s)[i]);
            }
            values += series.get(s).length;
        }
        Dataset dataset = Dataset.builder().strings("series", ids.toArray(new String[0]))
                .numbers("t", t.stream().mapToDouble(Double::doubleValue).toArray())
                .numbers("value", v.stream().mapToDouble(Double::doubleValue).toArray()).build();
        ids = null;
        t = null;
        v = null;
        System.out.printf(Locale.ROOT, "%nsynthetic monthly: %d series, %d values, horizon 18%n", series.size(), values);
        System.out.printf(Locale.ROOT, "%-14s %10s %12s %9s %9s %12s%n", "merx method", "fit s", "forecast s", "total s",
                "cpu s", "series/s");
        ModelKind kind = new ForecastingKind();
        for (String method : methods) {
            Map<String, Object> hp = Map.of("method", method, "season", 12, "horizon", 18, "backtestOrigins", 0);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            Path dir = Files.createTempDirectory("synthetic-" + method);
            try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), hp))
                    .train(dataset, TrainingContext.silent())) {
                model.save(dir);
            }
            long trained = System.nanoTime();
            try (Scorer scorer = kind.load(dir)) {
                List<ScoreRequest> requests = new ArrayList<>();
                for (int s = 0; s < series.size(); s++) {
                    requests.add(ScoreRequest.of(Map.of("series", "s" + s, "horizon", 18)));
                }
                if (scorer.scoreBatch(requests).size() != series.size()) {
                    throw new IllegalStateException("a forecast is missing");
                }
            }
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-14s %10.1f %12.1f %9.1f %9.1f %12.1f%n", method, (trained - start) / 1e9,
                    (done - trained) / 1e9, (done - start) / 1e9, (cpuNanos() - cpuStart) / 1e9,
                    series.size() / ((done - start) / 1e9));
        }
    }

    /** CPU time of the whole JVM (all threads, JIT and GC included): comparable when other jobs share the cores. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double[] values(Map<Integer, Double> byT) {
        return byT.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void superstore(Path csv) throws Exception {
        // Weekly sales (Monday weeks) per category and per sub-category; weeks without orders are 0.
        Map<String, Map<Long, Double>> sales = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            List<String> header = parseCsvLine(in.readLine());
            int date = header.indexOf("Order Date");
            int category = header.indexOf("Category");
            int sub = header.indexOf("Sub-Category");
            int amount = header.indexOf("Sales");
            for (String line; (line = in.readLine()) != null;) {
                List<String> f = parseCsvLine(line);
                LocalDate d = LocalDate.parse(f.get(date));
                long week = d.minusDays(d.getDayOfWeek().getValue() - 1).toEpochDay();
                double s = Double.parseDouble(f.get(amount));
                sales.computeIfAbsent(f.get(category), k -> new TreeMap<>()).merge(week, s, Double::sum);
                sales.computeIfAbsent(f.get(category) + "/" + f.get(sub), k -> new TreeMap<>()).merge(week, s,
                        Double::sum);
            }
        }
        long first = sales.values().stream().mapToLong(m -> ((TreeMap<Long, Double>) m).firstKey()).min().orElseThrow();
        long last = sales.values().stream().mapToLong(m -> ((TreeMap<Long, Double>) m).lastKey()).max().orElseThrow();
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<String, Map<Long, Double>> e : sales.entrySet()) {
            for (long w = first; w <= last; w += 7) {
                ids.add(e.getKey());
                dates.add(LocalDate.ofEpochDay(w).toString());
                values.add(e.getValue().getOrDefault(w, 0.0));
            }
        }
        Dataset dataset = Dataset.builder().strings("series", ids.toArray(new String[0]))
                .strings("t", dates.toArray(new String[0]))
                .numbers("value", values.stream().mapToDouble(Double::doubleValue).toArray()).build();
        System.out.printf(Locale.ROOT, "%nSuperstore weekly sales: %d series x %d weeks (%s to %s); rolling-origin "
                + "backtest, 4 origins x 13 weeks%n", sales.size(), ChronoUnit.WEEKS.between(LocalDate.ofEpochDay(first),
                LocalDate.ofEpochDay(last)) + 1, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
        System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s %10s%n", "merx method", "sMAPE", "MASE", "cov80",
                "cov95", "train s");
        ModelKind kind = new ForecastingKind();
        for (String method : List.of("snaive", "auto-ets", "theta", "mlp", "ensemble")) {
            Map<String, Object> hp = Map.of("method", method, "horizon", 13, "backtestOrigins", 4, "mlpWindow", 26);
            long start = System.nanoTime();
            try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), hp))
                    .train(dataset, TrainingContext.silent())) {
                Map<String, Double> m = model.provenance().metrics();
                System.out.printf(Locale.ROOT, "%-14s %8.2f %8.3f %8.3f %8.3f %10.1f%n", method,
                        m.getOrDefault("smape", Double.NaN), m.getOrDefault("mase", Double.NaN),
                        m.getOrDefault("coverage80", Double.NaN), m.getOrDefault("coverage95", Double.NaN),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** One CSV line (RFC 4180: quoted fields may hold commas and doubled quotes). */
    static List<String> parseCsvLine(String line) throws IOException {
        return CSVParser.parse(line, CSVFormat.DEFAULT).getRecords().get(0).toList();
    }
}
