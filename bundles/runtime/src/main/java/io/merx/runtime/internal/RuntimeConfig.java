package io.merx.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx Runtime",
        description = "Where the Merx model runtime stores model versions, and limits on imports and shadow"
                + " traffic. Changing a value restarts the runtime; loaded models are loaded again. The model: shell"
                + " commands (bundle merx-runtime-shell) read datasetDirectories, importDirectories and"
                + " exportDirectory from this pid too; see docs/runtime.md.")
@interface RuntimeConfig {

    @AttributeDefinition(name = "Store directory",
            description = "Directory holding model versions and registry.json. Empty means"
                    + " ${karaf.data}/merx/models.")
    String storeDirectory() default "";

    @AttributeDefinition(name = "Import size limit (bytes)",
            description = "Largest archive model:import accepts, and the most its files may expand to.")
    long maxImportBytes() default RuntimeSettings.DEFAULT_MAX_IMPORT_BYTES;

    @AttributeDefinition(name = "Concurrent import limit (bytes)",
            description = "The most that all imports in progress together may expand to in the store's staging"
                    + " area; an import that would pass it is refused until others finish.")
    long maxConcurrentImportBytes() default RuntimeSettings.DEFAULT_MAX_CONCURRENT_IMPORT_BYTES;

    @AttributeDefinition(name = "Trusted publisher keys",
            description = "publisher=<Base64 public key> entries (Ed25519 or RSA, X.509 DER as openssl pkey -pubout"
                    + " -outform DER writes it). An archive signed by one of them must verify; see docs/runtime.md.")
    String[] trustedPublisherKeys() default {};

    @AttributeDefinition(name = "Require signed artifacts",
            description = "Refuse imports that are unsigned or signed by a publisher not listed above.")
    boolean requireSignedArtifacts() default false;

    @AttributeDefinition(name = "Shadow threads",
            description = "Threads scoring copies of live requests with shadow versions, off the request path.")
    int shadowThreads() default RuntimeSettings.DEFAULT_SHADOW_THREADS;

    @AttributeDefinition(name = "Shadow queue size",
            description = "Copies of live requests waiting for shadow scoring; when full, copies are dropped"
                    + " and counted rather than slowing live traffic.")
    int shadowQueueSize() default RuntimeSettings.DEFAULT_SHADOW_QUEUE_SIZE;

    @AttributeDefinition(name = "Kind grace period (ms)",
            description = "When a model kind goes away (its bundle is stopped or updated), loaded versions keep"
                    + " serving with the old code this long, waiting for a replacement kind; then they answer"
                    + " 'unavailable'. Covers the gap between unregistering and registering during an update.")
    long kindGracePeriodMillis() default RuntimeSettings.DEFAULT_KIND_GRACE_MILLIS;

    @AttributeDefinition(name = "Demo models",
            description = "Train and activate a demo model <kind>-demo from the kind's own demo data when a kind"
                    + " that has some is installed and no such model exists yet.")
    boolean demoModels() default RuntimeSettings.DEFAULT_DEMO_MODELS;

    @AttributeDefinition(name = "Cluster reconcile interval (s)",
            description = "In cluster mode (bundle merx-cluster configured), how often this node reconciles every"
                    + " model with the shared desired state, beside the change notifications it gets.")
    int clusterReconcileSeconds() default ClusterSettings.DEFAULT_RECONCILE_SECONDS;

    @AttributeDefinition(name = "Cluster heartbeat interval (s)",
            description = "In cluster mode, how often this node reports what it serves; a node silent for three"
                    + " intervals is no longer listed by model:nodes.")
    int clusterHeartbeatSeconds() default ClusterSettings.DEFAULT_HEARTBEAT_SECONDS;

    @AttributeDefinition(name = "Training lease (s)",
            description = "In cluster mode, how long the lease on training a model lasts unless the training node"
                    + " renews it; a node that dies mid-job frees the model after this.")
    int trainingLeaseSeconds() default ClusterSettings.DEFAULT_LEASE_SECONDS;
}
