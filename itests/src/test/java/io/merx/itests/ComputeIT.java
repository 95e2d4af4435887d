package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.merx.compute.ComputeBackend;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ComputeIT extends MerxTestSupport {

    @Override
    protected String bootFeatures() {
        return "merx-compute";
    }


    @Test
    public void computeBackendReportsCpuAndNd4jComputes() throws Exception {
        ComputeBackend compute = awaitService(ComputeBackend.class, null);
        assertEquals("CPU", compute.backend());
        assertEquals(Bundle.ACTIVE, bundle("io.merx.compute").getState());

        // A bundle other than compute (this probe) uses ND4J through the exported packages.
        INDArray a = Nd4j.linspace(1, 4, 4).reshape(2, 2);
        assertEquals(25.0, a.mmul(a.transpose()).getDouble(1, 1), 1e-9);
        assertTrue("off-heap memory is tracked", compute.offHeapBytes() > 0);
    }

    @Test
    public void shellShowsTheBackend() throws Exception {
        awaitService(ComputeBackend.class, null);
        String output = execute("merx:compute");
        assertTrue(output, output.contains("CPU"));
        assertTrue(output, output.contains("OPENBLAS"));
    }
}
