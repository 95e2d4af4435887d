package io.merx.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.merx.api.runtime.ModelRuntime;

/** The distribution as shipped (boot feature {@code merx}): every module's demo model goes live. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends MerxTestSupport {

    private static final List<String> DEMOS = List.of("example-linear-demo", "pricing-demand-demo",
            "recommendation-als-demo", "recommendation-popularity-demo", "recommendation-itemknn-demo",
            "recommendation-ease-demo", "recommendation-auto-demo", "recommendation-sequential-demo",
            "recommendation-graph-demo", "nlp-customer-service-demo", "search-semantic-demo",
            "forecasting-demand-demo", "graph-copurchase-demo", "graph-embedding-demo", "graph-fraud-demo",
            "customers-segments-demo", "customers-lifetime-demo", "customers-propensity-demo",
            "risk-transaction-demo", "risk-review-demo");

    @Test
    public void everyModuleServesItsDemoModel() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        long deadline = System.currentTimeMillis() + 4 * TIMEOUT_MS;
        Set<String> live = new TreeSet<>();
        while (live.size() < DEMOS.size()) {
            runtime.models().stream().filter(m -> m.aliases().containsKey(ModelRuntime.LIVE))
                    .map(m -> m.name()).filter(DEMOS::contains).forEach(live::add);
            if (System.currentTimeMillis() > deadline) {
                fail("live demo models " + live + " of " + DEMOS + "; jobs " + runtime.jobs());
            }
            Thread.sleep(500);
        }
        String list = execute("model:list");
        for (String demo : DEMOS) {
            assertTrue(list, list.contains(demo));
        }
        String compute = execute("merx:compute");
        assertTrue(compute, compute.contains("CPU"));
    }
}
