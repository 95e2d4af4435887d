package io.merx.runtime.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The desired state all nodes of a cluster reconcile from, and what they report back. One implementation is
 * registered per node (PostgreSQL, by {@code merx-cluster}); the runtime is its only user.
 *
 * <p>Every method may throw {@link SharedStateUnavailableException} when the store cannot be reached.
 */
@ProviderType
public interface SharedState extends VersionFiles {

    /** @return this node's name in the cluster, as configured */
    String nodeName();

    /** @return where operators and load balancers reach this node (e.g. {@code http://10.0.0.5:8181}), or empty */
    String nodeAddress();

    /** @return where the store lives, for messages and {@code model:nodes} (never credentials) */
    String describe();

    // ---- desired state

    /** @return every model's desired record, by name */
    List<DesiredModel> models();

    /**
     * @param model a model name
     * @return its desired record, or empty when no node has stored it
     */
    Optional<DesiredModel> model(String model);

    /**
     * Stores a model's record in one transaction if it is still at the revision {@code next} was derived from
     * ({@code next.revision()}; 0 when the model must not exist yet), and tells every node it changed.
     *
     * @param next the new record, carrying the revision it was read at
     * @return the stored record, at its new revision
     * @throws ConcurrentChangeException when the model is at another revision now
     */
    DesiredModel write(DesiredModel next);

    /**
     * Removes a model's record, its versions' manifests and its files no other version shares.
     *
     * @param model the model
     * @param revision the revision the caller read
     * @throws ConcurrentChangeException when the model is at another revision now
     */
    void remove(String model, long revision);

    // ---- change feed

    /**
     * Calls {@code changed} with a model's name whenever any node writes that model, as fast as the store can
     * tell (PostgreSQL: LISTEN/NOTIFY). Notifications can be lost while the connection is down, so the runtime
     * also reconciles everything periodically.
     *
     * @param changed called on the store's thread; must not block
     * @return closing it stops the calls
     */
    AutoCloseable watch(Consumer<String> changed);

    // ---- nodes

    /**
     * Records this node's heartbeat.
     *
     * @param report what the node serves now
     */
    void report(NodeReport report);

    /**
     * @param maxAge reports older than this are left out (nodes that stopped heartbeating)
     * @return the nodes that reported within {@code maxAge}, by name
     */
    List<NodeReport> nodes(Duration maxAge);

    // ---- training

    /**
     * Takes the lease to train a model if no node holds one that is still valid.
     *
     * @param model the model
     * @param ttl how long the lease lasts unless renewed
     * @return the lease, or empty when another node trains the model now
     */
    Optional<JobLease> acquireLease(String model, Duration ttl);

    /**
     * Extends a lease this node holds.
     *
     * @param lease the lease as acquired or last renewed
     * @param ttl from now
     * @return the renewed lease, or empty when it had lapsed and was taken by another node
     */
    Optional<JobLease> renewLease(JobLease lease, Duration ttl);

    /**
     * Gives a lease back; a lease taken over meanwhile is left alone.
     *
     * @param lease the lease
     */
    void releaseLease(JobLease lease);

    /**
     * Creates or updates a job's record.
     *
     * @param job the job as it is now
     */
    void recordJob(SharedJob job);

    /** @return every recorded job, newest first */
    List<SharedJob> jobs();
}
