package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The HNSW index answers like the exact scan on a catalogue above the threshold: high recall@10 for recommend and
 * similar items, every filter held, and the artifact round trip keeps the graph.
 */
class AnnIndexTest {

    static final Dataset DATA = ShopDataGenerator.generate(1_000, 2_000, 20_000, 5);
    static final AlsKind KIND = new AlsKind();
    @TempDir
    static Path dirs;
    static Path indexedDir;
    static Scorer exact;
    static Scorer indexed;
    static Interactions interactions;

    @BeforeAll
    static void train() throws Exception {
        exact = KIND.load(train("exact", Map.of("annMinItems", 0)));
        indexedDir = train("indexed", Map.of("annMinItems", 1_000));
        indexed = KIND.load(indexedDir);
        interactions = Interactions.from(DATA, new Columns("user", "item", "weight", "timestamp", "category"));
    }

    static Path train(String name, Map<String, Object> settings) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("split", "none");
        all.put("threads", 1);
        Path dir = Files.createDirectories(dirs.resolve(name));
        try (TrainedModel model = KIND.newTrainer(HyperParameters.of(KIND.parameters(), all))
                .train(DATA, TrainingContext.silent())) {
            model.save(dir);
        }
        return dir;
    }

    @AfterAll
    static void close() {
        exact.close();
        indexed.close();
    }

    static List<String> ids(Scorer scorer, Map<String, ?> inputs) throws Exception {
        return RecommendationScorerTest.ids(scorer.score(ScoreRequest.of(inputs)));
    }

    static double recall(List<String> truth, List<String> found) {
        Set<String> hit = new HashSet<>(found);
        return truth.stream().filter(hit::contains).count() / (double) truth.size();
    }

    @Test
    void recommendAndSimilarItemsFindWhatTheExactScanFinds() throws Exception {
        double recommend = 0;
        double similar = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            Map<String, Object> user = Map.of("user", interactions.userId(i * 7 % interactions.userCount()), "k", 10);
            recommend += recall(ids(exact, user), ids(indexed, user));
            Map<String, Object> item = Map.of("op", "similar", "item", interactions.itemId(i * 13 % interactions.itemCount()), "k", 10);
            similar += recall(ids(exact, item), ids(indexed, item));
        }
        assertTrue(recommend / n >= 0.95, "recall@10 of recommend " + recommend / n);
        assertTrue(similar / n >= 0.95, "recall@10 of similar items " + similar / n);
    }

    @Test
    void aBatchAnswersAsSingleRequestsDo() throws Exception {
        List<ScoreRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(ScoreRequest.of(Map.of("user", interactions.userId(i), "k", 10)));
        }
        requests.add(ScoreRequest.of(Map.of("op", "similar", "item", interactions.itemId(0), "k", 5)));
        List<ScoreResult> batch = indexed.scoreBatch(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(indexed.score(requests.get(i)).outputs(), batch.get(i).outputs());
        }
    }

    @Test
    void filtersHoldOnIndexedAnswers() throws Exception {
        String user = interactions.userId(3);
        Set<String> seen = new HashSet<>();
        for (int p = interactions.userPtr[3]; p < interactions.userPtr[4]; p++) {
            seen.add(interactions.itemId(interactions.items[p]));
        }
        List<String> top = ids(indexed, Map.of("user", user, "k", 10));
        assertEquals(10, top.size());
        assertTrue(top.stream().noneMatch(seen::contains), "unseen only");
        List<String> unavailable = top.subList(0, 5);
        List<String> rest = ids(indexed, Map.of("user", user, "k", 10, "unavailable", unavailable));
        assertEquals(10, rest.size());
        assertTrue(rest.stream().noneMatch(unavailable::contains), "unavailable items stay out");
        assertEquals(top.subList(5, 10), rest.subList(0, 5), "the next best move up");

        String category = interactions.categories[interactions.itemCategory[interactions.items[0]]];
        Map<String, Object> inCategory = Map.of("user", user, "k", 10, "categories", List.of(category));
        for (Map<String, Object> entry : RecommendationScorerTest.items(indexed.score(ScoreRequest.of(inCategory)))) {
            assertEquals(category, entry.get("category"));
        }
        assertTrue(recall(ids(exact, inCategory), ids(indexed, inCategory)) >= 0.8);

        // More items asked for than the category holds unseen: too few survive the walk, so the exact scan answers.
        Map<String, Object> all = Map.of("user", user, "k", 500, "categories", List.of(category));
        assertEquals(ids(exact, all), ids(indexed, all));
    }

    @Test
    void theArtifactKeepsTheGraphAndTheSameSeedBuildsTheSameOne() throws Exception {
        ModelData loaded = ModelFiles.read(indexedDir, AlsKind.NAME);
        assertNotNull(loaded.ann);
        assertEquals(64, loaded.ann.config.efSearch());
        assertNull(ModelFiles.read(dirs.resolve("exact"), AlsKind.NAME).ann, "below the threshold: no index");
        Path again = dirs.resolve("again");
        Files.createDirectories(again);
        ModelFiles.write(loaded, AlsKind.NAME, again);
        assertArrayEquals(Files.readAllBytes(indexedDir.resolve(ModelFiles.ANN)),
                Files.readAllBytes(again.resolve(ModelFiles.ANN)), "written back as read");
        Path rebuilt = Files.createDirectories(dirs.resolve("rebuilt"));
        ModelFiles.write(loaded.withAnn(AnnIndex.build(loaded, loaded.ann.config, 42)), AlsKind.NAME, rebuilt);
        assertArrayEquals(Files.readAllBytes(indexedDir.resolve(ModelFiles.ANN)),
                Files.readAllBytes(rebuilt.resolve(ModelFiles.ANN)), "one thread, same seed: same graph");
    }

    @Test
    void aDamagedIndexIsRefusedWithAClearMessage() throws Exception {
        Path damaged = Files.createDirectories(dirs.resolve("damaged"));
        for (Path file : Files.list(indexedDir).toList()) {
            Files.copy(file, damaged.resolve(file.getFileName()));
        }
        byte[] ann = Files.readAllBytes(damaged.resolve(ModelFiles.ANN));
        Files.write(damaged.resolve(ModelFiles.ANN), java.util.Arrays.copyOf(ann, ann.length / 2));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> KIND.load(damaged));
        assertTrue(e.getMessage().contains("index"), e.getMessage());
        assertFalse(e.getMessage().contains(damaged.toString()), e.getMessage());
    }
}
