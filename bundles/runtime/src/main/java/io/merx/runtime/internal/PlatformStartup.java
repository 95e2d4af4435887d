package io.merx.runtime.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Whether the platform around the runtime is still starting: Karaf installing its boot features, or the compute
 * bundle initialising ND4J (model kinds wait for its service). Until both are done a node is not ready: the kinds
 * may not be registered yet, so "every live model is loaded" would hold only because their models are not known
 * yet, and a load balancer would send requests that get 404. Services are looked up by name, so the runtime needs
 * neither Karaf's nor compute's packages; without Karaf's features service or the compute bundle it never waits.
 */
final class PlatformStartup {

    static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";
    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    static final String COMPUTE_BUNDLE = "io.merx.compute";
    static final String COMPUTE_SERVICE = "io.merx.compute.ComputeBackend";

    /** Null outside OSGi (tests construct the runtime directly). */
    private final BundleContext context;
    private volatile boolean bootFinished;

    PlatformStartup(BundleContext context) {
        this.context = context;
        this.bootFinished = context == null;
    }

    /** @return true while Karaf's boot features are being installed or ND4J is initialising */
    boolean inProgress() {
        if (context == null) {
            return false;
        }
        try {
            return karafBooting() || computeStarting();
        } catch (IllegalStateException stopping) {
            return false; // the runtime's bundle is stopping; readiness no longer matters
        }
    }

    private boolean karafBooting() {
        if (bootFinished) {
            return false;
        }
        if (context.getServiceReference(FEATURES_SERVICE) == null
                || context.getServiceReference(BOOT_FINISHED) != null) {
            bootFinished = true; // Karaf's boot runs once per framework
            return false;
        }
        return true;
    }

    /** The compute bundle is started but has not registered its backend yet (or could not: see its log). */
    private boolean computeStarting() {
        for (Bundle bundle : context.getBundles()) {
            if (COMPUTE_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                return context.getServiceReference(COMPUTE_SERVICE) == null;
            }
        }
        return false;
    }
}
