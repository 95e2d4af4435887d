package io.merx.customers.internal.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.SyntheticOrders;

class SegmentsTrainerTest {

    private static final SegmentsKind KIND = new SegmentsKind();
    private static final SyntheticOrders SHOP = SyntheticOrders.generate(800, LocalDate.of(2024, 1, 1), 730, 5);

    @TempDir
    Path dir;

    private static TrainedModel train(Map<String, Object> given) throws Exception {
        Map<String, Object> withFewerRestarts = new HashMap<>(Map.of("restarts", 2));
        withFewerRestarts.putAll(given);
        return KIND.newTrainer(HyperParameters.of(KIND.parameters(), withFewerRestarts)).train(SHOP.dataset(),
                TrainingContext.silent());
    }

    @Test
    void highValueFrequentCustomersGetTheirOwnNamedSegment() throws Exception {
        try (TrainedModel model = train(Map.of("k", 5))) {
            model.save(dir);
            SegmentModel segments = SegmentFiles.read(dir);
            assertEquals(5, segments.segments().size());
            // Segment 1 has the highest monetary centroid: the big-ticket group, named for its value.
            Segment top = segments.segment(1);
            assertTrue(top.label().contains("high value"), top.label());
            Map<Integer, Integer> bigTicketIn = new HashMap<>();
            segments.members().forEach((id, m) -> {
                if (SHOP.truth(id).group().equals("big-ticket")) {
                    bigTicketIn.merge(m.segment(), 1, Integer::sum);
                }
            });
            int inTop = bigTicketIn.getOrDefault(1, 0);
            int total = bigTicketIn.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(inTop > 0.7 * total, "big-ticket customers in segment 1: " + bigTicketIn);
            assertEquals(800, segments.segments().stream().mapToInt(Segment::size).sum());
            assertTrue(top.description().contains("customers ("), top.description());
        }
    }

    @Test
    void chosenKHasTheBestSilhouetteOfTheCandidates() throws Exception {
        try (TrainedModel model = train(Map.of("kMin", 2, "kMax", 5, "restarts", 2))) {
            Map<String, Double> m = model.provenance().metrics();
            int k = m.get("k").intValue();
            for (int candidate = 2; candidate <= 5; candidate++) {
                assertTrue(m.get("silhouette@k" + candidate) <= m.get("silhouette"), "k=" + candidate + " " + m);
            }
            assertEquals(m.get("silhouette@k" + k), m.get("silhouette"));
        }
    }

    @Test
    void aKnownCustomerAndTheSameFeaturesPostedLandInTheSameSegment() throws Exception {
        try (TrainedModel model = train(Map.of("k", 4))) {
            model.save(dir);
            try (Scorer scorer = KIND.load(dir)) {
                for (String id : new String[] {"C00001", "C00002", "C00500"}) {
                    ScoreResult known = scorer.score(ScoreRequest.of(Map.of("customer", id)));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = (Map<String, Object>) known.outputs().get("features");
                    Map<String, Object> posted = new HashMap<>();
                    for (String name : RfmFeatures.BASE) {
                        posted.put(name, f.get(name));
                    }
                    double orders = ((Number) f.get("orders")).doubleValue();
                    double mean = ((Number) f.get("meanOrderAmount")).doubleValue();
                    Map<String, Object> spend = new HashMap<>();
                    f.forEach((name, v) -> {
                        if (name.startsWith("share:")) {
                            spend.put(name.substring(6), ((Number) v).doubleValue() * orders * mean);
                        }
                    });
                    posted.put("categorySpend", spend);
                    ScoreResult described = scorer.score(ScoreRequest.of(posted));
                    assertEquals(known.outputs().get("segment"), described.outputs().get("segment"), id);
                }
            }
        }
    }

    @Test
    void segmentIdsAreStableAcrossSeeds() throws Exception {
        Map<String, Integer> first = new HashMap<>();
        int agree = 0;
        try (TrainedModel a = train(Map.of("k", 5, "seed", 1))) {
            a.save(dir.resolve("a").toFile().mkdirs() ? dir.resolve("a") : dir.resolve("a"));
        }
        try (TrainedModel b = train(Map.of("k", 5, "seed", 2))) {
            b.save(dir.resolve("b").toFile().mkdirs() ? dir.resolve("b") : dir.resolve("b"));
        }
        SegmentFiles.read(dir.resolve("a")).members().forEach((id, m) -> first.put(id, m.segment()));
        Map<String, SegmentModel.Member> second = SegmentFiles.read(dir.resolve("b")).members();
        for (Map.Entry<String, Integer> e : first.entrySet()) {
            agree += second.get(e.getKey()).segment() == e.getValue() ? 1 : 0;
        }
        assertTrue(agree > 0.9 * first.size(), "same segment id for " + agree + " of " + first.size());
    }

    @Test
    void asOfIgnoresLaterOrdersAndBadValuesAreRefused() throws Exception {
        try (TrainedModel model = train(Map.of("k", 3, "asOf", "2024-12-31"))) {
            model.save(dir);
            SegmentModel segments = SegmentFiles.read(dir);
            assertEquals(LocalDate.of(2024, 12, 31).toEpochDay(), segments.asOfDay());
            long joinedLater = SHOP.truths().values().stream()
                    .filter(t -> t.firstDay() > LocalDate.of(2024, 12, 31).toEpochDay()).count();
            assertEquals(800 - joinedLater, segments.customerCount());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KIND.newTrainer(HyperParameters.of(KIND.parameters(), Map.of("asOf", "31.12.2024"))));
        assertTrue(e.getMessage().contains("asOf"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> KIND.newTrainer(HyperParameters.of(KIND.parameters(), Map.of("kMin", 6, "kMax", 3))));
        assertTrue(e.getMessage().contains("kMax"), e.getMessage());
    }
}
