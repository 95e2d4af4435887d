package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * risk.review in the distribution (feature merx-risk alone, so without CoreNLP): the demo model goes live; a
 * genuine 5-star text of the demo reviews, re-posted word for word by an account created the day before, is held
 * for a moderator or blocked, with the near-duplicate reason in words; a second version with a stronger penalty
 * swaps in and says the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskReviewIT extends ModuleITSupport {

    private static final String POSTED = "2024-03-05T12:00:00Z";

    @Override
    protected String kind() {
        return "risk.review";
    }

    /** A genuine five-star demo text without quotes (the shell command puts the JSON in single quotes). */
    @Override
    protected String requestJson() {
        try {
            Dataset demo = awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=risk.review)")
                    .demoData().orElseThrow();
            String[] texts = demo.strings("text");
            for (int i = 0; i < texts.length; i++) {
                if (demo.numbers("abuse")[i] == 0 && demo.numbers("rating")[i] == 5 && texts[i].length() < 300
                        && texts[i].indexOf('\'') < 0 && texts[i].indexOf('"') < 0 && texts[i].indexOf('\\') < 0) {
                    return new ObjectMapper().writeValueAsString(Map.of("text", texts[i], "rating", 5,
                            "reviewer", "brand-new", "product", "P0001", "time", POSTED,
                            "accountCreated", "2024-03-04T12:00:00Z"));
                }
            }
        } catch (Exception e) {
            throw new AssertionError("the demo data of risk.review", e);
        }
        throw new AssertionError("no short genuine 5-star text in the demo data");
    }

    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        double probability = finite(outputs.get("probability"), "probability");
        assertTrue(outputs.toString(), probability > 0 && probability < 1);
        assertTrue(outputs.toString(), List.of("review", "block").contains(outputs.get("decision")));
        List<Object> why = list(outputs, "decisionReasons");
        assertTrue(why.toString(), why.get(0).toString().startsWith("abuse probability"));
        boolean copyReason = false;
        for (Object reason : list(outputs, "reasons")) {
            Map<String, Object> r = object(reason);
            if ("NEAR_DUPLICATE".equals(r.get("code"))) {
                copyReason = true;
                assertTrue(r.toString(), r.get("text").toString().contains("similar to an earlier review by another "
                        + "account"));
            }
        }
        assertTrue(outputs.toString(), copyReason);
        Map<String, Object> features = object(outputs.get("features"));
        assertTrue(features.toString(), finite(features.get("maxCopySimilarity"), "maxCopySimilarity") >= 0.9);
        assertEquals(outputs.toString(), 1.0, finite(features.get("accountAgeDays"), "accountAgeDays"), 1e-9);
        assertEquals(outputs.toString(), "not used", outputs.get("secondOpinion"));
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("l2", "1");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
