package io.merx.corenlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.merx.corenlp.Entity;
import io.merx.corenlp.TextAnalysis;
import io.merx.corenlp.TextAnalyzer;

/** The pipeline built from the embedded model files only (the test class path holds no models jar). */
class CoreNlpAnalyzerTest {

    private static CoreNlpAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new CoreNlpAnalyzer(2, 20_000, 60);
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void onlyTheEmbeddedModelFilesAreNeeded() {
        for (String file : PipelineSettings.MODEL_FILES) {
            assertNotNull(CoreNlpAnalyzer.class.getClassLoader().getResource(file), file);
        }
        assertTrue(analyzer.description().get(0).contains("GPL"));
    }

    @Test
    void findsDatesAmountsAndPeopleWithNormalisedValues() {
        TextAnalysis analysis = analyzer.analyze(
                "I ordered a lamp on March 3, 2026 and paid $49.99 but John Smith in Boston never shipped it.");
        List<String> types = analysis.entities().stream().map(Entity::type).toList();
        assertTrue(types.contains("DATE"), types.toString());
        assertTrue(types.contains("MONEY"), types.toString());
        assertTrue(types.contains("PERSON"), types.toString());
        Entity date = analysis.entities().stream().filter(e -> e.type().equals("DATE")).findFirst().orElseThrow();
        assertEquals("2026-03-03", date.value());
        Entity money = analysis.entities().stream().filter(e -> e.type().equals("MONEY")).findFirst().orElseThrow();
        assertTrue(money.value().contains("49.99"), money.value());
        assertTrue(analysis.complete(), analysis.notes().toString());
    }

    @Test
    void sentimentSeparatesAngryFromHappyCustomers() {
        TextAnalysis angry = analyzer.analyze("This is the worst service I have ever had. The package arrived broken and nobody helps me.");
        TextAnalysis happy = analyzer.analyze("Thank you so much, the delivery was fast and the shoes are wonderful!");
        assertTrue(angry.sentiment().isKnown() && happy.sentiment().isKnown());
        assertEquals(1.0, Arrays.stream(angry.sentiment().distribution()).sum(), 1e-6);
        assertTrue(angry.sentiment().score() < 0, angry.sentiment().label());
        assertTrue(happy.sentiment().score() > angry.sentiment().score() + 0.3, happy.sentiment().label());
        assertTrue(happy.sentiment().label().contains("positive"), happy.sentiment().label());
        assertTrue(angry.sentiment().label().contains("negative"), angry.sentiment().label());
    }

    @Test
    void oddInputNeverFailsAndIsBounded() {
        TextAnalysis binary = analyzer.analyze("\u0000\u0001\u0002 \uFFFD\uFFFD %%%% \u0007");
        assertFalse(binary.complete());
        assertTrue(binary.notes().get(0).contains("control characters"), binary.notes().toString());

        String longText = "my parcel is late again and nobody answers ".repeat(200);
        TextAnalysis cut = analyzer.analyze(longText);
        assertTrue(cut.notes().stream().anyMatch(n -> n.contains("cut to its first " + TextAnalyzer.MAX_CHARS)),
                cut.notes().toString());

        try (CoreNlpAnalyzer impatient = analyzer.withBudget(1, 1)) {
            long start = System.nanoTime();
            TextAnalysis late = impatient.analyze(longText);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "a timed-out call returns promptly");
            assertFalse(late.complete());
        }
        assertTrue(analyzer.analyze("   ").entities().isEmpty());
    }
}
