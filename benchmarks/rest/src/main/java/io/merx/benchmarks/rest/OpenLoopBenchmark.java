package io.merx.benchmarks.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Latency of a scoring endpoint under a constant offered load: warms up, measures the closed-loop maximum
 * throughput, then offers fractions of it open loop and prints one Markdown table.
 *
 * <pre>
 * MERX_AUTH="Basic ..." java -cp ... io.merx.benchmarks.rest.OpenLoopBenchmark \
 *     http://127.0.0.1:18181/api/v1/models/example-linear-demo/score [connections=8] [seconds=30] [0.25,0.5,0.8]
 * </pre>
 *
 * The body is {@code MERX_BODY} (default: the example model's inputs). The JDK's HTTP/1.1 client keeps one
 * keep-alive connection per sender thread, so the pool is fixed at {@code connections}.
 */
public final class OpenLoopBenchmark {

    private static final String EXAMPLE_BODY = "{\"inputs\": {\"sqm\": 100, \"rooms\": 3, \"age\": 10}}";
    private static final long WARM_UP_SECONDS = 10;

    private OpenLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OpenLoopBenchmark <score URL> [connections=8] [seconds=30]"
                    + " [fractions=0.25,0.5,0.8]   (MERX_AUTH: Authorization header, MERX_BODY: JSON body)");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 30;
        List<Double> fractions = new ArrayList<>();
        for (String f : (args.length > 3 ? args[3] : "0.25,0.5,0.8").split(",")) {
            fractions.add(Double.parseDouble(f.trim()));
        }
        String body = System.getenv().getOrDefault("MERX_BODY", EXAMPLE_BODY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        String auth = System.getenv("MERX_AUTH");
        if (auth != null && !auth.isBlank()) {
            builder.header("Authorization", auth);
        }
        HttpRequest request = builder.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> probe = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.printf("probe: HTTP %d %s%n", probe.statusCode(), probe.body());
        if (probe.statusCode() != 200) {
            System.exit(1);
        }
        LoadRun load = new LoadRun(client, request, connections);
        System.out.printf("warm-up: %d s closed loop, %d connections%n", WARM_UP_SECONDS, connections);
        load.closedLoop(WARM_UP_SECONDS);

        List<String[]> rows = new ArrayList<>();
        LoadRun.Outcome max = load.closedLoop(seconds);
        rows.add(row("closed loop (maximum)", max));
        System.out.printf("closed loop: %.0f requests/s%n", max.achievedPerSecond());
        for (double fraction : fractions) {
            double rate = fraction * max.achievedPerSecond();
            LoadRun.Outcome outcome = load.openLoop(rate, seconds);
            rows.add(row(String.format(Locale.ROOT, "open loop %.0f %%", fraction * 100), outcome));
            System.out.printf("open loop at %.0f requests/s: done%n", rate);
        }
        System.out.printf("%n%d connections, %d s per phase; latency in ms from the intended send time (open loop)"
                + " or from the send (closed loop)%n%n", connections, seconds);
        print(List.of("phase", "offered/s", "achieved/s", "requests", "p50", "p90", "p99", "p99.9", "max", "errors",
                "p99 from send"), rows);
    }

    private static String[] row(String phase, LoadRun.Outcome o) {
        Histogram h = o.latency();
        return new String[] {phase, o.offeredPerSecond() > 0 ? fmt("%.0f", o.offeredPerSecond()) : "-",
            fmt("%.0f", o.achievedPerSecond()), Long.toString(o.requests()), ms(h, 50), ms(h, 90), ms(h, 99),
            ms(h, 99.9), fmt("%.1f", h.getMaxValue() / 1000.0),
            o.errors() == 0 ? "0" : o.errors() + " (" + o.firstError() + ")", ms(o.fromSend(), 99)};
    }

    private static String ms(Histogram micros, double percentile) {
        return fmt("%.2f", micros.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static void print(List<String> header, List<String[]> rows) {
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + "---|".repeat(header.size()));
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }
}
