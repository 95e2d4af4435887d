package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextQualityTest {

    @Test
    void aMessageWithWordsOrNumbersIsNeverJunk() {
        for (String text : new String[] {"what is 25% of $54,788", "10-4", "ok", "#482913?", "$$$ 5 $$$",
            "Où est ma commande ?", "my card!!! ###"}) {
            assertNull(TextQuality.problem(text), text);
        }
    }

    @Test
    void symbolsBinaryAndOtherScriptsAreJunk() {
        for (String text : new String[] {"%%%% ^^^ $$$ #### !!", "?", "a", "\u0000\u0001\u0002\u0003\u0004\u0005ab\u0006",
            "\u6211\u7684\u8ba2\u5355\u5728\u54ea\u91cc"}) {
            assertNotNull(TextQuality.problem(text), text);
        }
    }
}
