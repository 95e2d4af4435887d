package io.merx.recommendation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.events.Event;
import io.merx.api.events.EventType;
import io.merx.events.internal.EventServiceImpl;

/**
 * Freshness, measured on the product's own classes (no copies): the kinds, their scorers, {@link RecentActivity}
 * and the real event service.
 *
 * <ol>
 * <li>Replay: superstore order lines sorted by order date; both kinds train on the earliest 80 % (time split).
 * The later lines are replayed as baskets (one user's lines of one day) in time order; before each basket the
 * user's top 10 is asked with {@code "fresh": true} (the store holds every replayed basket so far, fed in time
 * order with the store's clock at the basket's day) and with {@code "fresh": false} (the trained model alone),
 * and scored against the basket's items: nDCG@10 and recall@10.</li>
 * <li>Latency, in process: {@code EventService.ingest} (log append and fsync per batch) → listener delivery →
 * a scorer answer that differs, polled; next to it the time a retrain would take to reflect the event.</li>
 * </ol>
 */
final class FreshnessBenchmark {

    private static final int K = 10;
    private static final double TRAIN_SHARE = 0.8;

    private FreshnessBenchmark() {
    }

    /** One order line or click: who did what, when. */
    private record Line(String user, String item, Instant time, String category, double quantity) {
    }

    static void run(Path superstore, Path sessions) throws Exception {
        List<Line> lines = read(superstore);
        int cut = (int) (lines.size() * TRAIN_SHARE);
        while (cut < lines.size() && lines.get(cut).time().equals(lines.get(cut - 1).time())) {
            cut++; // a day's lines stay on one side
        }
        List<Line> train = lines.subList(0, cut);
        List<Line> replay = lines.subList(cut, lines.size());
        System.out.printf(Locale.ROOT, "freshness replay: %d lines, train %d (until %s), replay %d (%s .. %s)%n",
                lines.size(), train.size(), train.get(train.size() - 1).time(), replay.size(),
                replay.get(0).time(), replay.get(replay.size() - 1).time());
        Path dir = Files.createTempDirectory("merx-freshness");
        AlsKind als = new AlsKind();
        PopularityKind popularity = new PopularityKind();
        Scorer alsScorer = trainAndLoad(als, train, dir.resolve("als"));
        Scorer popularityScorer = trainAndLoad(popularity, train, dir.resolve("popularity"));

        System.out.println();
        System.out.println("| model | store settings | baskets | nDCG@10 without | nDCG@10 with | recall@10 without"
                + " | recall@10 with | known users: nDCG@10 without / with | new users: nDCG@10 without / with |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (boolean paced : new boolean[] {false, true}) {
            FreshnessSettings settings = paced ? pacedToTheData() : FreshnessSettings.defaults();
            String label = paced ? "interactions 365 d, purchases 30 d, half-life 30 d"
                    : "defaults (interactions 7 d, purchases 30 d, half-life 1 d)";
            replay("superstore, recommendation.als", als, alsScorer, train, replay, settings, label, true,
                    EventType.PURCHASE);
            replay("superstore, recommendation.popularity", popularity, popularityScorer, train, replay, settings,
                    label, true, EventType.PURCHASE);
        }
        sessions(sessions, dir);
        latency(als, alsScorer, train, dir.resolve("events"));
        alsScorer.close();
        popularityScorer.close();
    }

    /**
     * The same replay on click sessions (YOOCHOOSE 100k, session-rec's split): the models train on the sessions
     * that ended before the split time; the test sessions' clicks are replayed one by one, each scored before it
     * is applied. Repeat clicks are common in sessions, so seen items may be recommended ({@code unseenOnly}
     * false); a session id is a user the model never saw, so without events every answer is popularity.
     */
    private static void sessions(Path file, Path dir) throws Exception {
        Instant split = Instant.parse("2014-04-07T00:50:01Z");
        List<Line> clicks = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord r : parser) {
                clicks.add(new Line(r.get("user"), r.get("item"), java.time.LocalDateTime.parse(r.get("timestamp")).toInstant(ZoneOffset.UTC), "", 1));
            }
        }
        Map<String, Instant> last = new java.util.HashMap<>();
        clicks.forEach(c -> last.merge(c.user(), c.time(), (a, b) -> a.isAfter(b) ? a : b));
        List<Line> train = clicks.stream().filter(c -> !last.get(c.user()).isAfter(split)).toList();
        List<Line> replay = clicks.stream().filter(c -> last.get(c.user()).isAfter(split)).toList();
        System.out.printf(Locale.ROOT, "session replay: %d clicks, train %d, replay %d (%d sessions)%n",
                clicks.size(), train.size(), replay.size(), replay.stream().map(Line::user).distinct().count());
        AlsKind als = new AlsKind();
        PopularityKind popularity = new PopularityKind();
        try (Scorer alsScorer = trainAndLoad(als, train, dir.resolve("sessions-als"));
                Scorer popularityScorer = trainAndLoad(popularity, train, dir.resolve("sessions-popularity"))) {
            String label = "defaults (interactions 7 d, half-life 1 d)";
            replay("yoochoose sessions, recommendation.als", als, alsScorer, train, replay,
                    FreshnessSettings.defaults(), label, false, EventType.CLICK);
            replay("yoochoose sessions, recommendation.popularity", popularity, popularityScorer, train, replay,
                    FreshnessSettings.defaults(), label, false, EventType.CLICK);
        }
    }

    /** Slow shoppers (a customer orders every few months here), so the store keeps a year. */
    private static FreshnessSettings pacedToTheData() {
        return new FreshnessSettings(FreshnessSettings.DEFAULT_MAX_INTERACTIONS_PER_USER, Duration.ofDays(365),
                FreshnessSettings.DEFAULT_MAX_PURCHASES_PER_USER, Duration.ofDays(30),
                FreshnessSettings.DEFAULT_MAX_USERS, Duration.ofDays(30), FreshnessSettings.DEFAULT_TRENDING_ITEMS,
                EnumSet.of(EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE));
    }

    /**
     * @param baskets true: a user's lines of one day are one basket, scored once before it is applied (orders);
     *        false: every line alone (clicks), and seen items may be recommended
     */
    private static void replay(String name, RecommendationKind kind, Scorer scorer, List<Line> train,
            List<Line> replay, FreshnessSettings settings, String label, boolean baskets, EventType type)
            throws Exception {
        Set<String> trainedUsers = new HashSet<>();
        train.forEach(l -> trainedUsers.add(l.user()));
        ReplayClock clock = new ReplayClock();
        RecentActivity store = new RecentActivity(settings, clock);
        kind.bindActivity(store);
        double[] with = new double[2];
        double[] without = new double[2];
        double[] known = new double[3];
        double[] fresh = new double[3];
        int scored = 0;
        int eventId = 0;
        for (List<Line> basket : groups(replay, baskets)) {
            Line first = basket.get(0);
            clock.now = first.time();
            Set<String> truth = new HashSet<>();
            basket.forEach(l -> truth.add(l.item()));
            List<String> on = top(scorer, first.user(), true, baskets);
            List<String> off = top(scorer, first.user(), false, baskets);
            double ndcgOn = ndcg(on, truth);
            double ndcgOff = ndcg(off, truth);
            with[0] += ndcgOn;
            with[1] += recall(on, truth);
            without[0] += ndcgOff;
            without[1] += recall(off, truth);
            double[] group = trainedUsers.contains(first.user()) ? known : fresh;
            group[0] += ndcgOff;
            group[1] += ndcgOn;
            group[2]++;
            scored++;
            List<Event> events = new ArrayList<>();
            for (Line l : basket) {
                events.add(new Event("r" + eventId++, type, l.user(), l.item(), l.quantity(), clock.now, null, null));
            }
            store.accepted(events);
        }
        kind.unbindActivity(store);
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %.4f | %s | %s |%n", name, label,
                scored, without[0] / scored, with[0] / scored, without[1] / scored, with[1] / scored, pair(known),
                pair(fresh));
    }

    /** "without / with (baskets)" of one group of users, or a dash when it has none. */
    private static String pair(double[] group) {
        return group[2] == 0 ? "-" : String.format(Locale.ROOT, "%.4f / %.4f (%d)", group[0] / group[2],
                group[1] / group[2], (int) group[2]);
    }

    /**
     * Event to changed answer, in process, through the real event service: a purchase of the user's current top
     * item (which must then drop out) or a view of an item (folded in; counted only when the list changes).
     */
    private static void latency(AlsKind kind, Scorer scorer, List<Line> train, Path eventDir) throws Exception {
        RecentActivity store = new RecentActivity(FreshnessSettings.defaults(), Clock.systemUTC());
        kind.bindActivity(store);
        List<String> users = train.stream().map(Line::user).distinct().toList();
        List<String> items = train.stream().map(Line::item).distinct().toList();
        int rounds = 400;
        long[] purchase = new long[rounds];
        long[] view = new long[rounds];
        long[] scoreAlone = new long[rounds];
        int views = 0;
        int unchanged = 0;
        try (EventServiceImpl events = EventServiceImpl.open(eventDir)) {
            events.addListener(store, Map.of());
            for (int i = 0; i < rounds + 50; i++) {
                boolean measured = i >= 50; // the first rounds warm the JIT
                String user = users.get((i * 7919) % users.size());
                long t = System.nanoTime();
                List<String> before = top(scorer, user, true, true);
                long alone = System.nanoTime() - t;
                String bought = before.get(0);
                t = System.nanoTime();
                events.ingest(List.of(Event.of("buy-" + i, "purchase", user, bought, 1.0, Instant.now().toString(),
                        null, null)));
                List<String> after = awaitChange(scorer, user, before);
                long elapsed = System.nanoTime() - t;
                if (measured) {
                    purchase[i - 50] = elapsed;
                    scoreAlone[i - 50] = alone;
                }
                List<String> current = after;
                String viewed = items.get((i * 104729) % items.size());
                t = System.nanoTime();
                events.ingest(List.of(Event.of("view-" + i, "view", user, viewed, null, Instant.now().toString(), null,
                        null)));
                List<String> changed = awaitChange(scorer, user, current);
                elapsed = System.nanoTime() - t;
                if (measured) {
                    if (changed != null) {
                        view[views++] = elapsed;
                    } else {
                        unchanged++;
                    }
                }
            }
        }
        kind.unbindActivity(store);
        long retrain = retrainMillis(train);
        System.out.println();
        System.out.println("| path (in process, recommendation.als on superstore, fsync per batch) | n | p50 (ms) | p99 (ms) |");
        System.out.println("|---|---|---|---|");
        row("purchase of the top item -> it drops out of the answer", purchase, rounds);
        row("view of an item -> folded-in answer changes", view, views);
        row("baseline: one score call alone (no event)", scoreAlone, rounds);
        System.out.printf(Locale.ROOT, "| baseline: retrain on the training data + the event (fit, save, load) | 1 |"
                + " %d | - |%n", retrain);
        System.out.printf(Locale.ROOT, "(%d of %d views left the top 10 unchanged and are not in the view row)%n",
                unchanged, rounds);
    }

    private static List<String> awaitChange(Scorer scorer, String user, List<String> before) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> now = top(scorer, user, true, true);
            if (!now.equals(before)) {
                return now;
            }
            Thread.onSpinWait();
        }
        return null;
    }

    private static long retrainMillis(List<Line> train) throws Exception {
        AlsKind kind = new AlsKind();
        Path dir = Files.createTempDirectory("merx-retrain");
        long start = System.nanoTime();
        Scorer scorer = trainAndLoad(kind, train, dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        scorer.close();
        return millis;
    }

    private static void row(String what, long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", what, n, sorted[(int) (n * 0.5)] / 1e6,
                sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
    }

    private static List<String> top(Scorer scorer, String user, boolean fresh, boolean unseenOnly)
            throws Exception {
        ScoreResult result = scorer.score(ScoreRequest.of(Map.of("user", user, "k", K, "fresh", fresh,
                "unseenOnly", unseenOnly)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.outputs().get("items");
        return items.stream().map(e -> (String) e.get("item")).toList();
    }

    /** Binary relevance: DCG of the hits over the DCG of a perfect list. */
    static double ndcg(List<String> ranked, Set<String> truth) {
        double dcg = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (truth.contains(ranked.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(K, truth.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return dcg / ideal;
    }

    static double recall(List<String> ranked, Set<String> truth) {
        return ranked.stream().filter(truth::contains).count() / (double) truth.size();
    }

    /** The lines of one user at one time (a day's order lines), in time order; or each line alone. */
    private static List<List<Line>> groups(List<Line> replay, boolean baskets) {
        if (!baskets) {
            return replay.stream().map(List::of).toList();
        }
        Map<String, List<Line>> byUserTime = new LinkedHashMap<>();
        for (Line l : replay) {
            byUserTime.computeIfAbsent(l.user() + "\u0000" + l.time(), k -> new ArrayList<>()).add(l);
        }
        return new ArrayList<>(byUserTime.values());
    }

    private static Scorer trainAndLoad(RecommendationKind kind, List<Line> lines, Path dir) throws Exception {
        Dataset data = Dataset.builder().strings("user", lines.stream().map(Line::user).toArray(String[]::new))
                .strings("item", lines.stream().map(Line::item).toArray(String[]::new))
                .numbers("weight", lines.stream().mapToDouble(Line::quantity).toArray())
                .strings("timestamp", lines.stream().map(l -> l.time().toString()).toArray(String[]::new))
                .strings("category", lines.stream().map(Line::category).toArray(String[]::new)).build();
        Files.createDirectories(dir);
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("split", "none")))
                .train(data, TrainingContext.silent())) {
            model.save(dir);
        }
        return kind.load(dir);
    }

    /** Order lines sorted by order date (stable: file order within a day). */
    private static List<Line> read(Path file) throws IOException {
        Dataset data = SuperstoreData.read(file);
        String[] users = data.strings("user");
        String[] items = data.strings("item");
        String[] days = data.strings("timestamp");
        String[] categories = data.strings("category");
        double[] quantities = data.numbers("weight");
        List<Line> lines = new ArrayList<>(users.length);
        for (int r = 0; r < users.length; r++) {
            lines.add(new Line(users[r], items[r], LocalDate.parse(days[r]).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    categories[r], quantities[r]));
        }
        lines.sort((a, b) -> a.time().compareTo(b.time()));
        return lines;
    }

    /** The replay's time: the day of the basket being replayed. */
    private static final class ReplayClock extends Clock {

        volatile Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
