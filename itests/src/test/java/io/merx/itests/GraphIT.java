package io.merx.itests;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A real Neo4j started by the module as a child JVM of Karaf, then co-purchase trained from it and served. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GraphIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "graph.copurchase";
    }

    @Override
    protected String requestJson() {
        return "{\"product\": \"P001\", \"limit\": 2}";
    }

    @Override
    protected String expectedOutput() {
        return "items";
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
