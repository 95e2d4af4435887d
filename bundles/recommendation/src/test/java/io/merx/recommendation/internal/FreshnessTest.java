package io.merx.recommendation.internal;

import static io.merx.recommendation.internal.RecommendationScorerTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.events.Event;
import io.merx.api.events.EventType;

/** Events since training change answers without a retrain: fold-in, bought items left out, online popularity. */
class FreshnessTest {

    static final Dataset DATA = RecommendationScorerTest.DATA;
    static final AlsKind ALS = new AlsKind();
    static final PopularityKind POPULARITY = new PopularityKind();
    static Scorer als;
    static Scorer popular;
    static Interactions interactions;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    RecentActivity store;
    int eventIds;

    @BeforeAll
    static void train(@TempDir Path alsDir, @TempDir Path popularityDir) throws Exception {
        try (TrainedModel model = ALS.newTrainer(HyperParameters.of(ALS.parameters(), Map.of("split", "none")))
                .train(DATA, TrainingContext.silent())) {
            model.save(alsDir);
        }
        try (TrainedModel model = POPULARITY.newTrainer(HyperParameters.of(POPULARITY.parameters(),
                Map.of("split", "none"))).train(DATA, TrainingContext.silent())) {
            model.save(popularityDir);
        }
        als = ALS.load(alsDir);
        popular = POPULARITY.load(popularityDir);
        interactions = Interactions.from(DATA, new Columns("user", "item", "weight", "timestamp", "category"));
    }

    @AfterAll
    static void close() {
        als.close();
        popular.close();
    }

    @BeforeEach
    void emptyStore() {
        store = new RecentActivity(FreshnessSettings.defaults(), clock);
        ALS.bindActivity(store);
        POPULARITY.bindActivity(store);
    }

    private void events(EventType type, String user, String... items) {
        List<Event> batch = new ArrayList<>();
        for (String item : items) {
            batch.add(new Event("e" + eventIds++, type, user, item, 0, clock.instant(), null, null));
        }
        store.accepted(batch);
    }

    private static ScoreResult score(Scorer scorer, Map<String, ?> inputs) throws Exception {
        ScoreRequest request = ScoreRequest.of(inputs);
        scorer.inputSchema().validate(request.inputs());
        return scorer.score(request);
    }

    /** Items of one category the user has not had, so folding them in should pull the list towards it. */
    private static List<String> unseenOfCategory(int user, int n) {
        String category = interactions.categories[0];
        Set<String> seen = new java.util.HashSet<>();
        for (int p = interactions.userPtr[user]; p < interactions.userPtr[user + 1]; p++) {
            seen.add(interactions.itemId(interactions.items[p]));
        }
        String[] items = DATA.strings("item");
        String[] categories = DATA.strings("category");
        java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>();
        for (int r = 0; r < items.length && chosen.size() < n; r++) {
            if (category.equals(categories[r]) && !seen.contains(items[r])) {
                chosen.add(items[r]);
            }
        }
        return List.copyOf(chosen);
    }

    @Test
    void aKnownUsersRecentEventsAreFoldedInAsRecentItemsWouldBeAndAnOptOutIgnoresThem() throws Exception {
        String user = interactions.userId(3);
        ScoreResult before = score(als, Map.of("user", user));
        assertEquals("als", before.text("source"));
        assertEquals(0, before.outputs().get("fresh"));
        List<String> recent = unseenOfCategory(3, 5);
        events(EventType.VIEW, user, recent.toArray(String[]::new));

        ScoreResult after = score(als, Map.of("user", user));
        assertEquals("foldin", after.text("source"));
        assertEquals(5, after.outputs().get("fresh"));
        assertNotEquals(ids(before), ids(after), "five views in one category change the list");
        for (String item : recent) {
            assertFalse(ids(after).contains(item), "an item the user just viewed is not recommended back: " + item);
        }
        ScoreResult sameAsRequest = score(als, Map.of("user", user, "recentItems", recent, "fresh", false));
        assertEquals(ids(sameAsRequest), ids(after), "the store's events count exactly like recentItems");

        ScoreResult optedOut = score(als, Map.of("user", user, "fresh", false));
        assertEquals(ids(before), ids(optedOut));
        assertEquals("als", optedOut.text("source"));
        assertNull(optedOut.outputs().get("fresh"));
    }

    @Test
    void anUnknownUserWithEventsGetsAFoldedInListInsteadOfPopularity() throws Exception {
        ScoreResult before = score(als, Map.of("user", "new-shopper"));
        assertEquals("popularity", before.text("source"));
        events(EventType.CLICK, "new-shopper", unseenOfCategory(0, 4).toArray(String[]::new));
        ScoreResult after = score(als, Map.of("user", "new-shopper"));
        assertEquals("foldin", after.text("source"));
        assertNotEquals(ids(before), ids(after));
    }

    @Test
    void anItemTheUserJustBoughtDropsOutEvenWhenSeenItemsAreAllowed() throws Exception {
        String user = interactions.userId(5);
        for (Scorer scorer : List.of(als, popular)) {
            Map<String, Object> request = Map.of("user", user, "unseenOnly", false);
            String top = ids(score(scorer, request)).get(0);
            events(EventType.PURCHASE, user, top);
            assertFalse(ids(score(scorer, request)).contains(top), "bought " + top);
            assertTrue(ids(score(scorer, Map.of("user", user, "unseenOnly", false, "fresh", false))).contains(top));
        }
    }

    @Test
    void onlinePopularityMovesAnItemUpAndDecaysWithTheHalfLife() throws Exception {
        List<String> before = ids(score(popular, Map.of("user", "anyone", "k", 10)));
        String rising = null;
        for (String item : interactions.itemIds) {
            if (!before.contains(item)) {
                rising = item;
                break;
            }
        }
        int topPopularity = 0;
        for (int degree : interactions.itemDegrees()) {
            topPopularity = Math.max(topPopularity, degree);
        }
        for (int u = 0; u <= topPopularity; u++) {
            events(EventType.VIEW, "viewer-" + u, rising);
        }
        ScoreResult after = score(popular, Map.of("user", "anyone", "k", 10));
        assertEquals(rising, ids(after).get(0), "more views today than the top item had buyers");
        assertEquals(Boolean.TRUE, after.outputs().get("online"));
        assertEquals(before, ids(score(popular, Map.of("user", "anyone", "k", 10, "fresh", false))));

        clock.advance(Duration.ofDays(30)); // thirty half-lives
        assertFalse(ids(score(popular, Map.of("user", "anyone", "k", 10))).contains(rising));
        assertEquals("popularity", score(als, Map.of("user", "viewer-1")).text("source"),
                "views older than the interaction age are no longer folded in");
    }

    @Test
    void theBatchedPathGivesTheSameFreshAnswers() throws Exception {
        String known = interactions.userId(7);
        events(EventType.VIEW, known, unseenOfCategory(7, 3).toArray(String[]::new));
        events(EventType.PURCHASE, "newcomer", unseenOfCategory(0, 2).toArray(String[]::new));
        List<ScoreRequest> requests = List.of(ScoreRequest.of(Map.of("user", known)),
                ScoreRequest.of(Map.of("user", "newcomer")), ScoreRequest.of(Map.of("user", known, "fresh", false)),
                ScoreRequest.of(Map.of("user", interactions.userId(8))));
        List<ScoreResult> batch = als.scoreBatch(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(als.score(requests.get(i)).outputs(), batch.get(i).outputs());
        }
        assertEquals("foldin", batch.get(0).text("source"));
    }

    @Test
    void theStoreKeepsTheNewestEventsPerUserAndForgetsTheLeastRecentlyActiveUsers() {
        FreshnessSettings small = new FreshnessSettings(2, Duration.ofDays(1), 1, Duration.ofDays(1), 2,
                Duration.ofHours(1), 10, EnumSet.of(EventType.VIEW, EventType.PURCHASE));
        store = new RecentActivity(small, clock);
        events(EventType.VIEW, "a", "p1", "p2", "p3");
        events(EventType.PURCHASE, "a", "p4", "p5");
        events(EventType.CLICK, "a", "p6"); // not an interaction type here
        assertEquals(List.of("p5"), List.of(store.user("a").purchaseItems()));
        assertEquals(List.of("p4", "p5"), List.of(store.user("a").items()));
        Instant earlier = clock.instant().minusSeconds(60);
        store.accepted(List.of(new Event("late", EventType.VIEW, "a", "p7", 0, earlier, null, null)));
        assertEquals(List.of("p4", "p5"), List.of(store.user("a").items()), "older than both kept: not kept");
        store.accepted(List.of(new Event("e3", EventType.VIEW, "a", "p3", 0, clock.instant(), null, null)));
        assertEquals(List.of("p4", "p5"), List.of(store.user("a").items()),
                "a replayed event (an id already kept) changes nothing");
        clock.advance(Duration.ofSeconds(1));
        store.accepted(List.of(new Event("new", EventType.VIEW, "a", "p8", 0, clock.instant(), null, null),
                new Event("between", EventType.VIEW, "a", "p9", 0, clock.instant().minusMillis(500), null, null)));
        assertEquals(List.of("p9", "p8"), List.of(store.user("a").items()), "kept in event-time order");
        events(EventType.VIEW, "b", "p1");
        events(EventType.VIEW, "c", "p1");
        assertNull(store.user("a"), "three users in a store of two: the least recently active goes");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new FreshnessSettings(-1,
                Duration.ofDays(1), 1, Duration.ofDays(1), 2, Duration.ofHours(1), 10, Set.of()));
        assertTrue(bad.getMessage().contains("maxInteractionsPerUser"), bad.getMessage());
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

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
