package io.merx.graph.internal;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

/**
 * Measures merx-graph on a real Neo4j 5.26 started by the same launcher the bundle uses: ingestion rate
 * (Superstore and a synthetic graph), co-purchase quality and latency (snapshot scorer vs the equivalent live
 * Cypher query), FastRP embedding time and link prediction against co-purchase counts, fraud-ring AUC.
 * Writes docs/benchmarks/graph.md. Lives in the bundle's package to reach its internal classes.
 */
public final class GraphBenchmark {

    private static final StringBuilder REPORT = new StringBuilder();

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int syntheticOrders = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 200_000;
        Path repo = Path.of(System.getProperty("merx.repo", ".")).toAbsolutePath().normalize();
        Path superstore = repo.resolve("../shared/data/superstore.csv").normalize();
        if (!Files.isRegularFile(superstore)) {
            throw new IllegalStateException("benchmark data missing: " + superstore
                    + " (expected /work/shared/data next to the repository; see shared/data/README.md)");
        }
        Path home = repo.resolve("benchmarks/graph/target/neo4j-bench");
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Credentials.embeddedPassword(home);
        long t0 = System.nanoTime();
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(System.getProperty("merx.graph.server.classpath"),
                home.resolve("store"), home.resolve(Credentials.FILE), 0, 1024, 512, 600)) {
            double startSeconds = seconds(t0);
            try (Neo4jGraphStore store = Neo4jGraphStore.connect(server.uri(), "neo4j",
                    Credentials.embeddedPassword(home), "neo4j", 8, 60, "benchmark")) {
                Schema.ensure(store);
                line("Embedded Neo4j 5.26.30 child JVM (-Xmx1g, page cache 512 MB): ready in %.1f s, RSS %d MB",
                        startSeconds, rssMb(server.pid()));
                run(store, superstore, syntheticOrders);
            }
        }
        write(repo.resolve("docs/benchmarks/graph.md"), syntheticOrders);
    }

    private static void run(Neo4jGraphStore store, Path superstore, int syntheticOrders) throws Exception {
        Dataset sales = readSuperstore(superstore);
        IngestOptions options = IngestOptions.builder("superstore").orderColumn("Order ID")
                .customerColumn("Customer ID").productColumn("Product ID").categoryColumn("Sub-Category")
                .dateColumn("Order Date").quantityColumn("Quantity").build();
        IngestReport first = store.ingest(sales, options, f -> { });
        IngestReport again = store.ingest(sales, options, f -> { });
        section("Ingestion");
        line("| data | rows | orders | time | orders/s | rows/s | created |");
        line("|---|---|---|---|---|---|---|");
        ingestRow("Superstore, first load", first);
        ingestRow("Superstore, same file again (idempotent)", again);
        Dataset synthetic = Synthetic.orders(syntheticOrders, 7);
        IngestReport big = store.ingest(synthetic, IngestOptions.builder("synthetic").batchSize(5_000).build(),
                f -> { });
        ingestRow("Synthetic " + syntheticOrders + " orders", big);

        Map<String, Object> columns = Map.of("graph", "superstore", "orderColumn", "Order ID", "customerColumn",
                "Customer ID", "productColumn", "Product ID", "categoryColumn", "Sub-Category", "dateColumn",
                "Order Date");
        section("Co-purchase (graph.copurchase) on Superstore: hit-rate@10 on held-back orders");
        line("Leave-one-out over the held-back 20% of orders: the other products of the order are the query.");
        line("`rankBy=count` is the plain co-purchase-count baseline.");
        line("");
        line("| basket | rankBy | hit-rate@10 | queries | training s |");
        line("|---|---|---|---|---|");
        CopurchaseKind copurchase = new CopurchaseKind();
        copurchase.bindStore(store);
        Path model = Files.createTempDirectory("merx-graph-bench");
        for (String basket : List.of("order", "customer")) {
            for (String rankBy : List.of("lift", "confidence", "count")) {
                Map<String, Object> hp = new LinkedHashMap<>(columns);
                hp.put("basket", basket);
                hp.put("rankBy", rankBy);
                hp.put("minCount", rankBy.equals("lift") ? 2 : 1);
                long t = System.nanoTime();
                Map<String, Double> m = train(copurchase, hp, sales,
                        basket.equals("customer") && rankBy.equals("confidence") ? model : null);
                line("| %s | %s | %.3f | %.0f | %.1f |", basket, rankBy, m.get("hitRate@10"), m.get("heldOutQueries"),
                        seconds(t));
            }
        }
        latency(store, copurchase, model, sales);

        section("Embeddings (graph.embedding, FastRP on ND4J): link prediction on held-back orders");
        line("For each (customer, product) pair of the held-back 20%% of orders that the customer had not bought");
        line("before: is the product in the customer's top 10 of products not bought before? Baseline: co-purchase");
        line("counts (score of p = times p was bought by a customer together with one of the customer's products).");
        line("");
        line("| data | dimension | iteration weights | FastRP s (all orders) | hit-rate@10 embedding | hit-rate@10 co-purchase counts | pairs | training s |");
        line("|---|---|---|---|---|---|---|---|");
        EmbeddingKind embedding = new EmbeddingKind();
        embedding.bindStore(store);
        for (String weights : List.of("0,1,1,1", "0,1,1,1,1,1")) {
            Map<String, Object> hp = new LinkedHashMap<>(columns);
            hp.put("iterationWeights", weights);
            long t = System.nanoTime();
            Map<String, Double> m = train(embedding, hp, sales, null);
            line("| Superstore | 256 | %s | %.2f | %.3f | %.3f | %.0f | %.1f |", weights,
                    fastRpSeconds(store, "superstore", weights),
                    m.get("hitRate@10"), m.get("copurchaseCountHitRate@10"), m.get("heldOutPairs"), seconds(t));
        }
        Dataset syntheticSample = Synthetic.orders(Math.min(syntheticOrders, 50_000), 7);
        long t = System.nanoTime();
        Map<String, Double> m = train(embedding, Map.of("graph", "synthetic"), syntheticSample, null);
        line("| Synthetic %d orders (graph already loaded) | 256 | 0,1,1,1 | %.2f | %.3f | %.3f | %.0f | %.1f |",
                syntheticOrders, fastRpSeconds(store, "synthetic", "0,1,1,1"), m.get("hitRate@10"), m.get("copurchaseCountHitRate@10"),
                m.get("heldOutPairs"), seconds(t));
        t = System.nanoTime();
        m = train(copurchase, Map.of("graph", "synthetic"), syntheticSample, null);
        line("");
        line("graph.copurchase on the synthetic %d-order graph: training %.1f s (re-ingest of a 50k-order slice,"
                + " read-back of every order, pair counting), hit-rate@10 %.3f.", syntheticOrders, seconds(t),
                m.get("hitRate@10"));

        section("Fraud rings (graph.fraud) on the demo shop");
        FraudKind fraud = new FraudKind();
        fraud.bindStore(store);
        t = System.nanoTime();
        m = train(fraud, Map.of(), DemoShop.generate(DemoShop.DEFAULT_ORDERS, DemoShop.DEFAULT_SEED, "fraud-bench"),
                null);
        line("%.0f accounts, %.0f rings (largest %.0f), %.0f known fraud; AUC of hidden fraud flags %.3f"
                + " (%.0f hidden); training %.1f s.", m.get("accounts"), m.get("rings"), m.get("largestRing"),
                m.get("knownFraud"), m.get("auc"), m.get("aucPositives"), seconds(t));
    }

    private static void latency(Neo4jGraphStore store, CopurchaseKind kind, Path model, Dataset sales)
            throws Exception {
        String[] products = Arrays.stream(sales.strings("Product ID")).distinct().sorted().toArray(String[]::new);
        SplittableRandom random = new SplittableRandom(3);
        long[] snapshot = new long[20_000];
        try (Scorer scorer = kind.load(model)) {
            for (int i = 0; i < 2_000; i++) {
                scorer.score(ScoreRequest.of(Map.of("product", products[random.nextInt(products.length)])));
            }
            for (int i = 0; i < snapshot.length; i++) {
                ScoreRequest request = ScoreRequest.of(Map.of("product", products[random.nextInt(products.length)]));
                long t = System.nanoTime();
                scorer.score(request);
                snapshot[i] = System.nanoTime() - t;
            }
        }
        String cypher = """
                MATCH (p:Product {graph: $graph, id: $id})<-[:CONTAINS]-(:Order)<-[:PLACED]-(c:Customer)
                      -[:PLACED]->(:Order)-[:CONTAINS]->(other:Product)
                WHERE other <> p
                RETURN other.id AS product, count(DISTINCT c) AS customers
                ORDER BY customers DESC, product LIMIT 10""";
        long[] live = new long[1_000];
        for (int i = 0; i < 200; i++) {
            store.query(cypher, Map.of("graph", "superstore", "id", products[random.nextInt(products.length)]));
        }
        for (int i = 0; i < live.length; i++) {
            Map<String, Object> params = Map.of("graph", "superstore", "id", products[random.nextInt(products.length)]);
            long t = System.nanoTime();
            store.query(cypher, params);
            live[i] = System.nanoTime() - t;
        }
        line("");
        line("\"Customers who bought X also bought\" latency, one product per request, single thread:");
        line("");
        line("| path | requests | p50 | p99 |");
        line("|---|---|---|---|");
        line("| Merx snapshot scorer (basket=customer, rankBy=confidence) | %d | %.1f µs | %.1f µs |", snapshot.length,
                percentile(snapshot, 50) / 1e3, percentile(snapshot, 99) / 1e3);
        line("| Live Cypher over Bolt (same question, Neo4j 5.26 community) | %d | %.2f ms | %.2f ms |", live.length,
                percentile(live, 50) / 1e6, percentile(live, 99) / 1e6);
    }

    /** FastRP alone (CSR build, propagation, ND4J normalisation) over every order of the graph. */
    private static double fastRpSeconds(Neo4jGraphStore store, String graph, String weights) throws Exception {
        OrderGraph orders = OrderGraph.read(store, graph);
        long t = System.nanoTime();
        try (EmbeddingModel model = EmbeddingTrainer.embed(orders, orders.baskets, 256, EmbeddingTrainer.weights(weights),
                42)) {
            return seconds(t);
        }
    }

    private static Map<String, Double> train(ModelKind kind, Map<String, Object> hp, Dataset data, Path saveTo)
            throws Exception {
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), hp))
                .train(data, TrainingContext.silent())) {
            if (saveTo != null) {
                model.save(saveTo);
            }
            return model.provenance().metrics();
        }
    }

    private static Dataset readSuperstore(Path file) throws Exception {
        List<String> names = List.of("Order ID", "Customer ID", "Product ID", "Sub-Category", "Order Date");
        List<List<String>> text = new ArrayList<>();
        names.forEach(n -> text.add(new ArrayList<>()));
        List<Double> quantity = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in)) {
                for (int i = 0; i < names.size(); i++) {
                    text.get(i).add(record.get(names.get(i)));
                }
                quantity.add(Double.parseDouble(record.get("Quantity")));
            }
        }
        Dataset.Builder builder = Dataset.builder();
        for (int i = 0; i < names.size(); i++) {
            builder.strings(names.get(i), text.get(i).toArray(String[]::new));
        }
        return builder.numbers("Quantity", quantity.stream().mapToDouble(Double::doubleValue).toArray()).build();
    }

    private static void ingestRow(String what, IngestReport r) {
        line("| %s | %d | %d | %.1f s | %.0f | %.0f | %d nodes, %d relationships |", what, r.rows(), r.orders(),
                r.seconds(), r.ordersPerSecond(), r.rows() / r.seconds(), r.nodesCreated(), r.relationshipsCreated());
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static long rssMb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void section(String title) {
        line("");
        line("### " + title);
        line("");
    }

    private static void line(String format, Object... args) {
        String text = args.length == 0 ? format.replace("%%", "%") : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        System.out.flush();
        REPORT.append(text).append('\n');
    }

    private static void write(Path file, int syntheticOrders) throws Exception {
        String header = """
                # Graph benchmark (merx-graph on Neo4j 5.26.30 community)

                Command (from the repository root, after `mvn -q -f bundles/graph-server/pom.xml install` and
                `mvn -q -f bundles/graph/pom.xml install -DskipTests`):

                    mvn -q -f benchmarks/graph/pom.xml package exec:exec -Dbenchmark.args=%d

                Machine: 2 cores, 24 GiB, %s %s; other module builds and benchmarks were running on the same two
                cores at the same time (load average 5-20), so absolute times are pessimistic.
                Neo4j runs in a child JVM started by the bundle's own launcher code (EmbeddedNeo4j), reached over Bolt
                with the 5.28 Java driver, exactly as inside Karaf.

                """.formatted(syntheticOrders, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + REPORT, StandardCharsets.UTF_8);
    }
}
