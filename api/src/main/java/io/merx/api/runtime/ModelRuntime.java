package io.merx.api.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoringException;

/**
 * The model runtime: stores versions of named models, serves them through aliases and steers traffic between
 * them. Registered once as an OSGi service by the platform.
 *
 * <p>Versions are positive integers per model ({@code 1}, {@code 2}, ...). Aliases name versions; requests
 * without one go to {@link #LIVE}. Changing what an alias points at loads and warms the new version first,
 * switches atomically, and closes the old scorer once its in-flight requests are done, so callers never see
 * a failed request because of a deployment.
 *
 * <pre>{@code
 * TrainingJob job = runtime.train(TrainingRequest.builder("churn", "example.linear", csv).build());
 * job.await(Duration.ofMinutes(5));
 * runtime.activate("churn", job.resultVersion().orElseThrow());
 * ScoreResponse r = runtime.score("churn", ScoreRequest.of(Map.of("x", new double[] {1, 2})));
 * double y = r.result().number("score");
 * runtime.setCanary("churn", "4", 10);          // 10 % of live traffic, sticky per request key
 * runtime.rollback("churn");                    // live goes back to the previous version
 * }</pre>
 */
@ProviderType
public interface ModelRuntime {

    /** The alias requests go to when they name none. */
    String LIVE = "live";

    /**
     * Scores through the {@link #LIVE} alias, or the canary when the split picks it.
     *
     * @throws IllegalArgumentException naming the field when the request does not match the input schema
     * @throws ModelNotFoundException when the model does not exist or has no live version
     * @throws ModelUnavailableException when its kind is not installed, it FAILED or nothing is active
     * @throws ScoringException when the scorer failed on a valid request
     */
    ScoreResponse score(String model, ScoreRequest request) throws ScoringException, ModelNotFoundException;

    /**
     * Scores through an alias or a pinned version.
     *
     * @throws IllegalArgumentException naming the field when the request does not match the input schema
     * @throws ModelNotFoundException when the model, alias or version does not exist
     * @throws ModelUnavailableException when its kind is not installed, it FAILED or nothing is active
     * @throws ScoringException when the scorer failed on a valid request
     */
    ScoreResponse score(String model, String aliasOrVersion, ScoreRequest request)
            throws ScoringException, ModelNotFoundException;

    /**
     * Scores several requests with one version in one call to the scorer. The first request's key picks the
     * canary side for all of them; batches are not copied to a shadow version.
     */
    List<ScoreResponse> scoreBatch(String model, String aliasOrVersion, List<ScoreRequest> requests)
            throws ScoringException, ModelNotFoundException;

    /**
     * Whether this runtime can take its traffic now, the Open Inference Protocol's server-ready: every version
     * that a {@link #LIVE} alias or a canary points at is loaded and warmed, and no start-up work that will make
     * a live model (a kind just bound, a demo model in training) is still under way. A live version that failed
     * to load keeps the runtime not ready until an operator activates another one or rolls back.
     *
     * @since 1.1
     */
    boolean ready();

    /**
     * Whether a version (number or alias) answers requests without loading first: it is loaded and warmed. For
     * {@link #LIVE} the canary version, when there is one, must be too, since it takes a share of live traffic.
     *
     * @throws ModelNotFoundException when the model, alias or version does not exist
     * @since 1.1
     */
    boolean ready(String model, String aliasOrVersion) throws ModelNotFoundException;

    /** Installed kinds, by name then version. */
    List<KindInfo> kinds();

    /** All models, by name. */
    List<ModelSummary> models();

    /** The stored versions of a model, oldest first. */
    List<ModelVersionInfo> versions(String model) throws ModelNotFoundException;

    /** One version, named by number or alias. */
    ModelVersionInfo info(String model, String aliasOrVersion) throws ModelNotFoundException;

    /**
     * Starts training a new version in the background. Fails fast, before the job starts, when the kind is
     * not installed, a hyper-parameter is invalid or the model already has a running job.
     *
     * @throws IllegalArgumentException naming the problem
     * @throws IllegalStateException when a job for this model is running
     */
    TrainingJob train(TrainingRequest request);

    /** The latest job of each model since the runtime started, running or finished, newest first. */
    List<TrainingJob> jobs();

    /** The most recent job of a model. */
    Optional<TrainingJob> job(String model);

    /**
     * Imports an exported archive as the next version of a model.
     *
     * @param asModel the model to import into, or null for the name in the archive's manifest
     * @throws IOException with a message naming the problem when the archive is unsafe, too large, of an
     *         unknown kind or has a bad manifest or checksum
     */
    ModelVersionInfo importArtifact(Path archive, String asModel) throws IOException;

    /** Writes a version (by number or alias) as a zip archive that {@link #importArtifact} accepts. */
    void exportArtifact(String model, String aliasOrVersion, Path archive)
            throws IOException, ModelNotFoundException;

    /** Points {@link #LIVE} at a version: load, warm, switch, drain the old one. */
    ModelVersionInfo activate(String model, String version) throws ModelNotFoundException, ModelLoadException;

    /** Points {@link #LIVE} back at the version it pointed at before the last activation. */
    ModelVersionInfo rollback(String model) throws ModelNotFoundException, ModelLoadException;

    /**
     * Points an alias at a version, loading and warming it first.
     *
     * @throws IllegalArgumentException when the alias name is invalid (lower case, starting with a letter)
     */
    void setAlias(String model, String alias, String version) throws ModelNotFoundException, ModelLoadException;

    /** Removes an alias; requests naming it fail afterwards. */
    void removeAlias(String model, String alias) throws ModelNotFoundException;

    /** Sends a share of live traffic to a version, sticky per request key. */
    void setCanary(String model, String version, double percent)
            throws ModelNotFoundException, ModelLoadException;

    /** Sends all live traffic to the live version again. */
    void clearCanary(String model) throws ModelNotFoundException;

    /** Scores a copy of live traffic with a version, off the request path, and compares the outputs. */
    void setShadow(String model, String version) throws ModelNotFoundException, ModelLoadException;

    /** Stops shadow scoring; the report is kept until the next {@link #setShadow}. */
    void clearShadow(String model) throws ModelNotFoundException;

    /** How the shadow version compared so far. */
    ShadowReport shadowReport(String model) throws ModelNotFoundException;

    /**
     * Deletes a stored version; the model disappears with its last version.
     *
     * @throws IllegalStateException when an alias, canary or shadow points at it
     */
    void delete(String model, String version) throws ModelNotFoundException, IOException;

    /**
     * The nodes serving the models: on a single node just this one, in a cluster every node that sent a heartbeat
     * recently, with what each serves and how far behind the desired state it is.
     *
     * <pre>{@code
     * runtime.clusterNodes().forEach(n -> System.out.println(n.name() + " " + n.models().get("churn")));
     * }</pre>
     *
     * @return the nodes, by name
     * @since 2.1
     */
    default List<ClusterNode> clusterNodes() {
        return List.of();
    }

    /**
     * Waits until every live node serves the model's current desired state (for example after {@link #activate}),
     * or the timeout passes; a single node serves it as soon as the call that changed it returned.
     *
     * @param model the model
     * @param timeout how long to wait at most
     * @return the nodes as last seen; {@link ClusterNode#upToDate} tells which caught up
     * @throws ModelNotFoundException when the model does not exist
     * @throws InterruptedException when interrupted while waiting
     * @since 2.1
     */
    default List<ClusterNode> awaitConverged(String model, Duration timeout)
            throws ModelNotFoundException, InterruptedException {
        return clusterNodes();
    }
}
