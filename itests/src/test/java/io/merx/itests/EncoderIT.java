package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.merx.encoder.SentenceEncoder;

/** merx-encoder resolves in the distribution, loads its natives and model offline, and encodes. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EncoderIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-encoder";
    }

    @Test
    public void encoderServiceEncodesInKaraf() throws Exception {
        SentenceEncoder encoder = awaitService(SentenceEncoder.class, "(merx.encoder.model=all-MiniLM-L6-v2)");
        assertEquals(Bundle.ACTIVE, bundle("io.merx.encoder").getState());
        assertEquals(384, encoder.dimension());

        // A bundle other than the encoder's (this probe) calls it: the natives are bound to the encoder's loader.
        float[][] v = encoder.encode(List.of("My card still hasn't arrived.",
                "I am still waiting for my new card to be delivered.", "What is the exchange rate for euros?"));
        float paraphrase = SentenceEncoder.cosine(v[0], v[1]);
        float unrelated = SentenceEncoder.cosine(v[0], v[2]);
        assertTrue("paraphrase " + paraphrase + ", unrelated " + unrelated, paraphrase > unrelated + 0.2f);

        // The same numbers sentence-transformers gives for the model card's example (see the unit test).
        assertEquals(0.067657f, encoder.encode("This is an example sentence")[0], 1e-4f);
    }
}
