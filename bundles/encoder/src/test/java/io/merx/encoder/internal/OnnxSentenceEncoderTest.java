package io.merx.encoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.merx.encoder.SentenceEncoder;

class OnnxSentenceEncoderTest {

    private static OnnxSentenceEncoder encoder;

    @BeforeAll
    static void load() throws Exception {
        OfflineNatives.configure(Path.of("target", "native-cache").toAbsolutePath());
        // The float model, whose embeddings sentence-transformers' can be checked against; the int8 one is
        // compared with it below.
        encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class, EncoderModel.MINILM, 0);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void reproducesSentenceTransformersOnTheModelCardExample() {
        // What sentence-transformers (PyTorch, mean pooling, normalisation) gives for the model card's example
        // sentence: the ONNX export, our tokenisation and our pooling together must reproduce it.
        float[] v = encoder.encode("This is an example sentence");
        assertArrayEquals(new float[] {0.067657f, 0.063496f, 0.048713f, 0.079305f, 0.037448f},
                Arrays.copyOf(v, 5), 1e-4f);
        assertEquals(7, encoder.tokenCount("This is an example sentence"), "[CLS] + 5 words + [SEP]");
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[][] v = encoder.encode(List.of(
                "My card still hasn't arrived.",
                "I am still waiting for my new card to be delivered.",
                "What is the exchange rate for euros?"));
        float paraphrase = SentenceEncoder.cosine(v[0], v[1]);
        float unrelated = SentenceEncoder.cosine(v[0], v[2]);
        assertTrue(paraphrase > unrelated + 0.2f, "paraphrase " + paraphrase + ", unrelated " + unrelated);
    }

    @Test
    void embeddingsHaveUnitLengthAndTheStatedDimension() {
        float[] v = encoder.encode("Where is my parcel?");
        assertEquals(encoder.dimension(), v.length);
        assertEquals(1.0f, SentenceEncoder.cosine(v, v), 1e-4f);
    }

    @Test
    void aBatchGivesWhatOneAtATimeGives() {
        List<String> texts = List.of("refund please", "How do I top up my account with a bank transfer from abroad?",
                "hi");
        float[][] batched = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(encoder.encode(texts.get(i)), batched[i], 1e-4f, "text " + i);
        }
    }

    @Test
    void aLongListCutIntoPassesKeepsItsOrder() {
        // More texts than one pass, lengths shuffled: each answer must land at its own index.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < EncoderModel.MINILM.passSize() + 9; i++) {
            texts.add("message " + i + " about my card".repeat(1 + (i * 7) % 5));
        }
        float[][] batched = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i += 5) {
            assertArrayEquals(encoder.encode(texts.get(i)), batched[i], 1e-4f, "text " + i);
        }
    }

    @Test
    void theInt8ModelStaysCloseToTheFloatModel() throws Exception {
        List<String> texts = List.of("My card still hasn't arrived.", "What is the exchange rate for euros?",
                "I want my money back for the broken blender, it stopped working after two days.");
        float[][] exact = encoder.encode(texts);
        try (OnnxSentenceEncoder int8 = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class,
                EncoderModel.MINILM_INT8, 1)) {
            assertEquals("all-MiniLM-L6-v2-q", int8.model());
            float[][] quantised = int8.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(int8.encode(texts.get(i)), quantised[i], "alone or in a list, the same vector");
                float cosine = SentenceEncoder.cosine(exact[i], quantised[i]);
                assertTrue(cosine > 0.95f, "text " + i + ": cosine " + cosine);
            }
            assertTrue(SentenceEncoder.cosine(quantised[0], quantised[1]) < 0.5f, "unrelated texts stay apart");
        }
    }

    @Test
    void anUnknownModelNameIsRefusedWithTheChoices() {
        assertEquals(EncoderModel.MINILM, EncoderModel.named(null));
        assertEquals(EncoderModel.MINILM, EncoderModel.named("all-MiniLM-L6-v2"));
        assertEquals(EncoderModel.MINILM_INT8, EncoderModel.named(" all-MiniLM-L6-v2-q "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderModel.named("bert-base"));
        assertTrue(e.getMessage().contains("merx.encoder.model is 'bert-base'")
                && e.getMessage().contains("all-MiniLM-L6-v2-q"), e.getMessage());
    }

    @Test
    void blankOrNullTextIsRejectedByIndex() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(List.of("fine", "  ")));
        assertTrue(blank.getMessage().contains("text 1 is blank"), blank.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(Arrays.asList("fine", null)));
        assertTrue(missing.getMessage().contains("text 1 is null"), missing.getMessage());
        assertEquals(0, encoder.encode(List.of()).length);
    }

    @Test
    void longTextIsTruncatedToTheFirstMaxTokensPieces() {
        String head = "My card was declined at the shop. ".repeat(60);
        String tail = "Completely different words about exchange rates and cryptocurrency. ".repeat(20);
        assertTrue(encoder.tokenCount(head) > encoder.maxTokens(), "head alone must exceed the limit");
        float[][] v = encoder.encode(List.of(head, head + tail));
        // Everything past the limit is dropped, so the tail cannot change the embedding.
        assertArrayEquals(v[0], v[1], 1e-5f);
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        List<String> texts = List.of("card arrival", "change my PIN", "exchange rate", "lost phone", "top up failed");
        float[][] expected = encoder.encode(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> encoder.encode(texts)));
            }
            for (Future<float[][]> answer : answers) {
                float[][] got = answer.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected[i], got[i], 1e-5f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
