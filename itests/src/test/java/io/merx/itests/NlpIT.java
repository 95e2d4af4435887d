package io.merx.itests;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** CoreNLP and a DL4J intent model inside Karaf: the demo model answers a customer message. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NlpIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "nlp.customer-service";
    }

    @Override
    protected String requestJson() {
        return "{\"text\": \"Hi, where is my order #482913? I ordered it on March 3, 2026 and paid $59.90.\"}";
    }

    @Override
    protected String expectedOutput() {
        return "intent";
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("epochs", "6");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
