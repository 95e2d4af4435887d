package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** What a shop sees when it asks for recommendations: filters, fallbacks, fold-in, similar items, pair scores. */
class RecommendationScorerTest {

    static final Dataset DATA = ShopDataGenerator.generate(400, 150, 6_000, 11);
    static Interactions interactions;
    static Scorer scorer;
    static String user;
    static Set<String> seen;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        AlsKind kind = new AlsKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("split", "none")))
                .train(DATA, TrainingContext.silent())) {
            model.save(dir);
        }
        scorer = kind.load(dir);
        interactions = Interactions.from(DATA, new Columns("user", "item", "weight", "timestamp", "category"));
        user = interactions.userId(0);
        seen = new HashSet<>();
        for (int p = interactions.userPtr[0]; p < interactions.userPtr[1]; p++) {
            seen.add(interactions.itemId(interactions.items[p]));
        }
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ScoreResult result) {
        return (List<Map<String, Object>>) result.outputs().get("items");
    }

    static List<String> ids(ScoreResult result) {
        return items(result).stream().map(e -> (String) e.get("item")).toList();
    }

    private static ScoreResult score(Map<String, ?> inputs) throws Exception {
        ScoreRequest request = ScoreRequest.of(inputs);
        scorer.inputSchema().validate(request.inputs());
        return scorer.score(request);
    }

    @Test
    void knownUserGetsKUnseenItemsBestFirstFromAls() throws Exception {
        ScoreResult result = score(Map.of("user", user, "k", 7));
        assertEquals("als", result.text("source"));
        List<Map<String, Object>> list = items(result);
        assertEquals(7, list.size());
        for (int i = 0; i < list.size(); i++) {
            assertFalse(seen.contains((String) list.get(i).get("item")), "unseenOnly by default");
            if (i > 0) {
                assertTrue((Double) list.get(i - 1).get("score") >= (Double) list.get(i).get("score"));
            }
        }
        List<String> withSeen = ids(score(Map.of("user", user, "k", 40, "unseenOnly", false)));
        assertTrue(withSeen.stream().anyMatch(seen::contains), "the user's own items rank high when allowed");
    }

    @Test
    void filtersAreHonoured() throws Exception {
        List<String> top = ids(score(Map.of("user", user, "k", 5)));
        List<String> filtered = ids(score(Map.of("user", user, "k", 5, "unavailable", List.of(top.get(0)),
                "exclude", List.of(top.get(1)))));
        assertFalse(filtered.contains(top.get(0)));
        assertFalse(filtered.contains(top.get(1)));
        assertEquals(top.get(2), filtered.get(0));

        List<String> only = ids(score(Map.of("user", user, "k", 10, "include", List.of(top.get(3), top.get(1), "nope"))));
        assertEquals(List.of(top.get(1), top.get(3)), only);

        for (Map<String, Object> entry : items(score(Map.of("user", user, "k", 10, "categories", List.of("books"))))) {
            assertEquals("books", entry.get("category"));
        }
        assertTrue(items(score(Map.of("user", user, "categories", List.of("no-such-category")))).isEmpty());
    }

    @Test
    void unknownUserFallsBackToPopularityAndNewUserIsFoldedIn() throws Exception {
        ScoreResult unknown = score(Map.of("user", "somebody-new", "k", 5));
        assertEquals("popularity", unknown.text("source"));
        int[] degrees = interactions.itemDegrees();
        int best = 0;
        for (int i = 1; i < degrees.length; i++) {
            best = degrees[i] > degrees[best] ? i : best;
        }
        assertEquals(interactions.itemId(best), ids(unknown).get(0));
        assertEquals(1.0, (Double) items(unknown).get(0).get("score"), 1e-9);

        // A new user who bought three kitchen items should be offered mostly kitchen items.
        List<String> kitchen = itemsOfCategory("kitchen", 3);
        ScoreResult folded = score(Map.of("user", "somebody-new", "recentItems", kitchen, "k", 10));
        assertEquals("foldin", folded.text("source"));
        long sameCategory = items(folded).stream().filter(e -> "kitchen".equals(e.get("category"))).count();
        assertTrue(sameCategory >= 6, "kitchen items among fold-in list: " + sameCategory + " " + ids(folded));
        assertTrue(ids(folded).stream().noneMatch(kitchen::contains), "recent items are not recommended again");
    }

    @Test
    void foldingInAKnownUsersHistoryGivesAListLikeTheirTrainedOne() throws Exception {
        // Fold-in runs the same solve as a training half-step, so a stranger with user 0's history (weights 1)
        // must get nearly user 0's list.
        List<String> trained = ids(score(Map.of("user", user, "k", 10)));
        List<String> folded = ids(score(Map.of("recentItems", List.copyOf(seen), "k", 10)));
        long common = folded.stream().filter(trained::contains).count();
        assertTrue(common >= 6, trained + " vs " + folded);
    }

    @Test
    void similarItemsAreCosineNeighboursWithoutTheItemItself() throws Exception {
        String item = interactions.itemId(3);
        ScoreResult result = score(Map.of("op", "similar", "item", item, "k", 5));
        assertEquals("als", result.text("source"));
        assertEquals(5, ids(result).size());
        assertFalse(ids(result).contains(item));
        for (Map<String, Object> entry : items(result)) {
            double cosine = (Double) entry.get("score");
            assertTrue(cosine <= 1.0 + 1e-6 && cosine >= -1.0 - 1e-6, "cosine " + cosine);
        }
        ScoreResult cold = score(Map.of("op", "similar", "item", "never-sold", "k", 3));
        assertEquals("popularity", cold.text("source"));
        assertEquals(3, ids(cold).size());
    }

    @Test
    void pairScoresMatchTheRankingAndNameUnknownItems() throws Exception {
        ScoreResult top = score(Map.of("user", user, "k", 2));
        List<String> best = ids(top);
        ScoreResult pairs = score(Map.of("op", "score", "user", user, "items", List.of(best.get(0), "ghost")));
        List<Map<String, Object>> entries = items(pairs);
        assertEquals((Double) items(top).get(0).get("score"), (Double) entries.get(0).get("score"), 1e-6);
        assertEquals("unknown", entries.get(1).get("source"));
        assertEquals(0.0, (Double) entries.get(1).get("score"));
    }

    @Test
    void scoreBatchEqualsScoringOneByOne() throws Exception {
        List<ScoreRequest> requests = AlsKindContractTest.requestsFor();
        List<ScoreResult> batch = scorer.scoreBatch(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(scorer.score(requests.get(i)).outputs(), batch.get(i).outputs());
        }
    }

    @Test
    void corruptOrForeignModelFilesGiveALoadError(@TempDir Path dir) throws Exception {
        PopularityKind popularity = new PopularityKind();
        try (TrainedModel model = popularity.newTrainer(HyperParameters.of(popularity.parameters(), Map.of()))
                .train(DATA, TrainingContext.silent())) {
            model.save(dir);
        }
        ModelLoadException foreign = assertThrows(ModelLoadException.class, () -> new AlsKind().load(dir));
        assertTrue(foreign.getMessage().contains("recommendation.popularity"), foreign.getMessage());
        Files.write(dir.resolve(ModelFiles.CATALOG), new byte[] {1, 2, 3});
        assertThrows(ModelLoadException.class, () -> popularity.load(dir));
        Files.delete(dir.resolve(ModelFiles.META));
        ModelLoadException missing = assertThrows(ModelLoadException.class, () -> popularity.load(dir));
        assertTrue(missing.getMessage().contains(ModelFiles.META), missing.getMessage());
    }

    private static List<String> itemsOfCategory(String category, int n) {
        String[] items = DATA.strings("item");
        String[] categories = DATA.strings("category");
        Set<String> chosen = new java.util.LinkedHashSet<>();
        for (int r = 0; r < items.length && chosen.size() < n; r++) {
            if (category.equals(categories[r])) {
                chosen.add(items[r]);
            }
        }
        return List.copyOf(chosen);
    }
}
