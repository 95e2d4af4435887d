package io.merx.corenlp.internal;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.corenlp.TextAnalyzer;

/**
 * Loads the CoreNLP pipeline off the framework thread and registers it as {@link TextAnalyzer} once ready.
 * Consumers reference the service, so they start when the pipeline can serve, and the pipeline (about a gigabyte
 * of heap) exists once however many models use it.
 */
@Component(immediate = true, configurationPid = "io.merx.corenlp")
@Designate(ocd = CoreNlpConfig.class)
public final class CoreNlpLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpLoader.class);

    private final Thread loader;
    private volatile boolean stopping;
    private volatile CoreNlpAnalyzer analyzer;
    private volatile ServiceRegistration<TextAnalyzer> registration;

    @Activate
    public CoreNlpLoader(BundleContext context, CoreNlpConfig config) {
        loader = new Thread(() -> load(context, config), "merx-corenlp-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(BundleContext context, CoreNlpConfig config) {
        try {
            CoreNlpAnalyzer loaded = new CoreNlpAnalyzer(Math.max(1, config.threads()),
                    Math.max(100, config.timeoutMillis()), Math.max(5, config.maxSentenceTokens()));
            synchronized (this) {
                if (stopping) {
                    loaded.close();
                    return;
                }
                analyzer = loaded;
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("merx.corenlp.loadMillis", loaded.loadMillis());
                registration = context.registerService(TextAnalyzer.class, loaded, properties);
            }
        } catch (Throwable e) {
            // Linkage errors included: a missing model or class must show in the log, not vanish with the thread.
            LOG.error("the CoreNLP pipeline could not be loaded; NLP model kinds will not start", e);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            stopping = true;
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
            if (analyzer != null) {
                analyzer.close();
                analyzer = null;
            }
        }
        loader.interrupt();
    }
}
