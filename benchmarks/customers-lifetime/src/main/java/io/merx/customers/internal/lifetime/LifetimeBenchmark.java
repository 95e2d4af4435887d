package io.merx.customers.internal.lifetime;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.CustomerHistories;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;
import java.io.IOException;
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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The CDNow protocol of Fader, Hardie and Lee (2005) on Tableau's Superstore: customers by Customer ID, one
 * transaction per customer and order date, calibration = the first 75 % of the time span, hold-out = the rest.
 * Fits BG/NBD on the calibration period and compares, for every calibration customer, the predicted with the
 * actual number of hold-out transactions, next to the naive baseline "the same rate as in calibration" (x / T);
 * also the weekly cumulative curve, printed and drawn. Then trains the kind end to end on the same data (the
 * provenance metrics must agree) and reports the time of each step.
 *
 * <p>Arguments: the superstore CSV, and where to write the PNG of the curve (optional).
 */
public final class LifetimeBenchmark {

    private LifetimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/superstore.csv");
        Dataset data = read(csv);
        double unit = 7;

        long start = System.nanoTime();
        PurchaseDays days = PurchaseDays.of(CustomerHistories.from(data, OrderColumns.DEFAULT));
        int first = days.firstDay();
        int end = days.endDay();
        int calibrationEnd = first + (int) Math.floor(0.75 * (end - first));
        Map<String, RfmSummary> calibration = days.summaries(calibrationEnd, unit);
        BgNbd bg = LifetimeFit.bgNbd(calibration.values());
        GammaGamma gg = LifetimeFit.gammaGamma(calibration.values());
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        HoldoutEvaluation e = HoldoutEvaluation.of(bg, calibration, days.holdout(calibration, calibrationEnd, unit),
                (end - calibrationEnd) / unit, 1);

        System.out.printf(Locale.ROOT, "data: %s, %d order lines, %s .. %s; calibration to %s (%.1f weeks), "
                + "hold-out %.1f weeks%n", csv.getFileName(), data.rowCount(), OrderDates.date(first),
                OrderDates.date(end), OrderDates.date(calibrationEnd), (calibrationEnd - first) / unit, e.length());
        System.out.printf(Locale.ROOT, "BG/NBD (weeks): r=%.4f alpha=%.4f a=%.4f b=%.4f; Gamma-Gamma: p=%.4f "
                + "q=%.4f gamma=%.4f; read+fit %.2f s%n", bg.r(), bg.alpha(), bg.a(), bg.b(), gg.p(), gg.q(),
                gg.gamma(), fitSeconds);
        System.out.printf(Locale.ROOT, "customers %d; hold-out repeat transactions: actual %.0f, BG/NBD %.1f, "
                + "naive %.1f%n", e.customers(), e.totalActual(), e.totalModel(), e.totalNaive());
        System.out.printf(Locale.ROOT, "MAE per customer: BG/NBD %.4f, naive %.4f%n", e.maeModel(), e.maeNaive());
        System.out.println("week  actual  bgnbd   naive   (cumulative repeat transactions in the hold-out)");
        for (int i = 0; i < e.curveTimes().length; i++) {
            if ((i + 1) % 4 == 0 || i == e.curveTimes().length - 1) {
                System.out.printf(Locale.ROOT, "%4.0f  %6.0f  %6.1f  %6.1f%n", e.curveTimes()[i], e.curveActual()[i],
                        e.curveModel()[i], e.curveNaive()[i]);
            }
        }
        spendCheck(days, calibration, calibrationEnd, gg);

        LifetimeKind kind = new LifetimeKind();
        start = System.nanoTime();
        TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("customerColumn",
                "customer"))).train(data, TrainingContext.silent());
        System.out.printf(Locale.ROOT, "kind end to end (calibration fit, hold-out, refit on all): %.2f s; "
                + "holdoutMae %.4f, holdoutMaeNaive %.4f%n", (System.nanoTime() - start) / 1e9,
                model.provenance().metrics().get("holdoutMae"), model.provenance().metrics().get("holdoutMaeNaive"));
        if (args.length > 1) {
            plot(e, Path.of(args[1]));
        }
    }

    /** Gamma-Gamma: predicted mean spend per hold-out transaction vs the actual, for customers who bought again. */
    private static void spendCheck(PurchaseDays days, Map<String, RfmSummary> calibration, int calibrationEnd,
            GammaGamma gg) {
        double model = 0;
        double naive = 0;
        int n = 0;
        for (Map.Entry<String, RfmSummary> entry : calibration.entrySet()) {
            var after = days.spend(entry.getKey()).tailMap(calibrationEnd, false);
            RfmSummary c = entry.getValue();
            if (after.isEmpty() || c.x() == 0) {
                continue;
            }
            double actual = after.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            model += Math.abs(gg.expectedSpend(c.x(), c.meanSpend()) - actual);
            naive += Math.abs(c.meanSpend() - actual);
            n++;
        }
        System.out.printf(Locale.ROOT, "spend per hold-out transaction, %d repeat customers who bought again: MAE "
                + "Gamma-Gamma %.2f, customer's own calibration mean %.2f%n", n, model / n, naive / n);
    }

    private static void plot(HoldoutEvaluation e, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title("Superstore hold-out: cumulative repeat transactions").xAxisTitle("weeks after calibration end")
                .yAxisTitle("repeat transactions").build();
        chart.addSeries("actual", e.curveTimes(), e.curveActual());
        chart.addSeries("BG/NBD (customers.lifetime)", e.curveTimes(), e.curveModel());
        chart.addSeries("naive: calibration rate x/T", e.curveTimes(), e.curveNaive());
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println("curve: " + png.toAbsolutePath().normalize());
    }

    /** Superstore order lines as the customer kinds read them: customer, date, amount (Sales), order. */
    static Dataset read(Path file) throws IOException {
        List<String> customers = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                customers.add(r.get("Customer ID"));
                dates.add(r.get("Order Date"));
                orders.add(r.get("Order ID"));
                amounts.add(Double.parseDouble(r.get("Sales")));
            }
        }
        return Dataset.builder().strings("customer", customers.toArray(String[]::new))
                .strings("date", dates.toArray(String[]::new)).strings("order", orders.toArray(String[]::new))
                .numbers("amount", amounts.stream().mapToDouble(Double::doubleValue).toArray()).build();
    }
}
