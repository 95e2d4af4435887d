package io.merx.runtime.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The batching configuration (pid {@value BatchingPolicy#PID}) as a service the runtime follows: a change calls
 * {@link #configure} and then updates this service's properties, on which the runtime picks up the new policy. Its
 * own component, so that switching batching never restarts the runtime and its loaded models.
 */
@Component(service = BatchingSettings.class, configurationPid = BatchingPolicy.PID)
@Designate(ocd = BatchingConfig.class)
public final class BatchingSettings {

    private volatile BatchingPolicy policy = BatchingPolicy.OFF;

    @Activate
    @Modified
    void configure(BatchingConfig config) {
        policy = BatchingPolicy.from(config);
    }

    BatchingPolicy policy() {
        return policy;
    }
}
