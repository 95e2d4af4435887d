package io.merx.compute.internal;

import java.nio.file.Path;
import java.util.Hashtable;

import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.compute.ComputeBackend;

/**
 * Initialises ND4J with this bundle's class loader, then registers {@link ComputeBackend}.
 *
 * <p>ND4J finds its backend and ops through class-loader lookups that, left alone, use whatever loader the
 * first caller happens to have; inside OSGi that is a plugin's loader, which cannot see ND4J's internals, and the
 * failure sticks for the life of the class loader. So ND4J is pointed at this bundle's loader and initialised
 * here, before any plugin can see the service. Initialisation runs off the framework thread because loading
 * the native libraries takes a second or two.
 */
public final class ComputeActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeActivator.class);
    static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private volatile ServiceRegistration<ComputeBackend> registration;
    private volatile boolean stopping;
    private Thread initThread;

    @Override
    public void start(BundleContext context) {
        stopping = false;
        initThread = new Thread(() -> initialise(context), "merx-compute-init");
        initThread.setDaemon(true);
        initThread.start();
    }

    private void initialise(BundleContext context) {
        ClassLoader bundleLoader = ComputeActivator.class.getClassLoader();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try {
            current.setContextClassLoader(bundleLoader);
            if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
                // Natives are unpacked once per distribution, under Karaf's data dir rather than ~/.javacpp.
                String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
                System.setProperty(CACHE_DIR_PROPERTY, Path.of(data, "javacpp").toString());
            }
            ND4JClassLoading.setNd4jClassloader(bundleLoader);
            DL4JClassLoading.setDl4jClassloader(bundleLoader);

            long start = System.nanoTime();
            INDArray a = Nd4j.rand(8, 8);
            INDArray product = a.mmul(a.transpose());
            if (!Double.isFinite(product.sumNumber().doubleValue())) {
                throw new IllegalStateException("ND4J self-test produced a non-finite result");
            }
            long initMillis = (System.nanoTime() - start) / 1_000_000;
            Nd4jComputeBackend backend = new Nd4jComputeBackend(initMillis);
            if (stopping) {
                return;
            }
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("merx.compute.backend", backend.backend());
            properties.put("merx.compute.blas", backend.blasVendor());
            registration = context.registerService(ComputeBackend.class, backend, properties);
            LOG.info("ND4J ready: {}", backend);
        } catch (Throwable e) {
            // Linkage and native errors included: without ND4J, no model can load, and the log must say why.
            LOG.error("ND4J could not be initialised; no ND4J-based model kind will start", e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        stopping = true;
        ServiceRegistration<ComputeBackend> current = registration;
        registration = null;
        if (current != null) {
            current.unregister();
        }
        if (initThread != null) {
            initThread.join(30_000);
        }
    }
}
