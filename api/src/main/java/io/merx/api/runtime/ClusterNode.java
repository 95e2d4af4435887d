package io.merx.api.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One serving node as operators see it in {@link ModelRuntime#clusterNodes()}: on a single node just that node, in a
 * cluster every node that sent a heartbeat recently.
 *
 * @param name the node's name, unique in the cluster
 * @param address where operators and load balancers reach it, or empty when not configured
 * @param heartbeatAt when it last reported
 * @param converged whether it serves the desired state it last read (its readiness in a cluster)
 * @param models model name to what the node serves of it
 * @since 2.1
 */
public record ClusterNode(String name, String address, Instant heartbeatAt, boolean converged,
        Map<String, ServedModel> models) {

    /** Checks the fields and copies the map. */
    public ClusterNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /**
     * One model on one node.
     *
     * @param liveVersion the version its live alias points at on the node, or null
     * @param revision the revision of the model's desired state the node applied (0 on a single node)
     * @param lag how many revisions the node is behind the desired state (0: up to date)
     */
    public record ServedModel(String liveVersion, long revision, long lag) {
    }

    /**
     * @param model a model name
     * @return whether this node serves the model's desired state (a model it does not know is not served)
     */
    public boolean upToDate(String model) {
        ServedModel served = models.get(model);
        return served != null && served.lag() == 0;
    }
}
