package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge-base file: intent answers as before, FAQ entries as three-column lines, written back unchanged. */
class KnowledgeBaseTest {

    private static KnowledgeBase parse(String text) throws Exception {
        return KnowledgeBase.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "kb.tsv");
    }

    @Test
    void filesWithoutFaqEntriesReadAsBeforeEvenAnIntentCalledFaq() throws Exception {
        KnowledgeBase kb = parse("# answers\norder_status\tOrder {orderId} is on its way.\nfaq\tSee our help pages.\n");
        assertEquals(Map.of("order_status", "Order {orderId} is on its way.", "faq", "See our help pages."),
                kb.answers());
        assertTrue(kb.faqs().isEmpty());
    }

    @Test
    void faqLinesCarryAQuestionAndAnAnswerAndSurviveAWriteAndRead(@TempDir Path dir) throws Exception {
        KnowledgeBase kb = parse("order_status\tOn its way.\n"
                + "faq\tDo you ship internationally?\tWe deliver to 30 countries.\n"
                + "faq\tCan I pay with PayPal?\tYes, for order {orderId} too.\n");
        assertEquals(List.of(new KnowledgeBase.Faq("Do you ship internationally?", "We deliver to 30 countries."),
                new KnowledgeBase.Faq("Can I pay with PayPal?", "Yes, for order {orderId} too.")), kb.faqs());
        assertEquals(Map.of("order_status", "On its way."), kb.answers());

        kb.write(dir.resolve("kb.tsv"));
        KnowledgeBase again = KnowledgeBase.read(dir.resolve("kb.tsv"), "knowledgeBase");
        assertEquals(kb.answers(), again.answers());
        assertEquals(kb.faqs(), again.faqs());
        assertEquals("Yes, for order 123 too.", KnowledgeBase.fill(kb.faqs().get(1).answer(),
                Map.of("orderId", "123")).text());
    }

    @Test
    void anFaqLineWithoutAQuestionNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("order_status\tOn its way.\nfaq\t \tAn answer without a question.\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("question"), e.getMessage());
    }

    @Test
    void theDemoKnowledgeBaseHasFaqEntriesBesideItsFourteenIntents() {
        KnowledgeBase demo = KnowledgeBase.demo();
        assertEquals(14, demo.answers().size());
        assertTrue(demo.faqs().size() >= 10, demo.faqs().toString());
    }
}
