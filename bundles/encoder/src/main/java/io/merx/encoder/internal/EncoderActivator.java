package io.merx.encoder.internal;

import java.nio.file.Path;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.encoder.SentenceEncoder;

/**
 * Loads the encoder with this bundle's class loader, then registers {@link SentenceEncoder}.
 *
 * <p>DJL finds its native tokenizer through the thread context class loader, which inside OSGi is whatever the
 * caller had; so loading happens here, on a thread of our own with this bundle's loader, before anyone can see the
 * service. Loading (90 MB of model, two native libraries) takes seconds, so it runs off the framework thread.
 * Native libraries can be loaded by one class loader only: this bundle is a singleton and must not be refreshed
 * while the JVM lives, hence its narrow imports (see bnd.bnd). Which of the shipped models it loads is the framework
 * property {@value EncoderModel#PROPERTY} ({@link EncoderModel}); a wrong value is logged and no service appears.
 */
public final class EncoderActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderActivator.class);

    private volatile ServiceRegistration<SentenceEncoder> registration;
    private volatile OnnxSentenceEncoder encoder;
    private volatile boolean stopping;
    private Thread loadThread;

    @Override
    public void start(BundleContext context) {
        stopping = false;
        loadThread = new Thread(() -> load(context), "merx-encoder-load");
        loadThread.setDaemon(true);
        loadThread.start();
    }

    private void load(BundleContext context) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try {
            current.setContextClassLoader(EncoderActivator.class.getClassLoader());
            String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
            OfflineNatives.configure(Path.of(data, "merx-encoder"));
            long start = System.nanoTime();
            EncoderModel variant = EncoderModel.named(context.getProperty(EncoderModel.PROPERTY));
            OnnxSentenceEncoder loaded = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class, variant, 0);
            float[] probe = loaded.encode("self-test");
            if (probe.length != loaded.dimension() || !Float.isFinite(probe[0])) {
                loaded.close();
                throw new IllegalStateException("encoder self-test gave a wrong embedding");
            }
            if (stopping) {
                loaded.close();
                return;
            }
            encoder = loaded;
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(SentenceEncoder.MODEL_PROPERTY, loaded.model());
            properties.put(SentenceEncoder.DIMENSION_PROPERTY, loaded.dimension());
            registration = context.registerService(SentenceEncoder.class, loaded, properties);
            LOG.info("Sentence encoder ready in {} ms: {}", (System.nanoTime() - start) / 1_000_000, loaded);
        } catch (Throwable e) {
            // Native and linkage errors included: the log must say why no encoder appeared.
            LOG.error("The sentence encoder could not be loaded; SentenceEncoder will not be registered", e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        stopping = true;
        if (loadThread != null) {
            loadThread.join(60_000);
        }
        ServiceRegistration<SentenceEncoder> current = registration;
        registration = null;
        if (current != null) {
            current.unregister();
        }
        OnnxSentenceEncoder loaded = encoder;
        encoder = null;
        if (loaded != null) {
            loaded.close();
        }
    }
}
