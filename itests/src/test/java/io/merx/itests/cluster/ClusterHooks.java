package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every name {@link ClusterIT} takes from the cluster bundle (merx-cluster) and from the runtime's cluster mode,
 * in one place: the feature, its configuration, the cluster endpoint, the database outage message and the test
 * launcher of a real PostgreSQL server. Change them here when those parts change.
 */
final class ClusterHooks {

    /** The Karaf feature of cluster mode; not a boot feature of the distribution, so the nodes boot it. */
    static final String FEATURE = "merx-cluster";

    /** Configuration PID of cluster mode and its keys. */
    static final String PID = "io.merx.cluster";
    static final String JDBC_URL = "jdbcUrl";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String NODE_NAME = "nodeName";
    static final String ADDRESS = "address";

    /** Every node as the cluster sees it: {@code {"nodes": [{"name": ..., "converged": ..., ...}]}}. */
    static final String CLUSTER_PATH = "/api/v1/cluster";
    static final String NODES_FIELD = "nodes";
    static final String NODE_NAME_FIELD = "name";

    /** What a management call's 503 names while the shared database is away (case-insensitive). */
    static final String DATABASE_IN_MESSAGE = "PostgreSQL";

    /**
     * The real-PostgreSQL launcher in the merx-cluster test-jar ({@code start(Path)}, {@code createDatabase},
     * {@code stop}, {@code restart}, {@code user}, {@code password}, {@code close}); see {@link PostgresDatabase}.
     */
    static final String LAUNCHER = "io.merx.cluster.internal.PostgresServer";

    /** The database the nodes share on that server. */
    static final String DATABASE = "merx";

    private ClusterHooks() {
    }

    /**
     * Why the cluster test cannot run here, or null when it can: the distribution's features must list
     * {@link #FEATURE} and the test class path must hold the launcher.
     */
    static String missing() {
        String version = System.getProperty("merx.version");
        Path features = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"), "io", "merx", "merx-features", version,
                "merx-features-" + version + "-features.xml");
        try {
            if (!Files.isRegularFile(features)
                    || !Files.readString(features).contains("name=\"" + FEATURE + "\"")) {
                return "the distribution's features (" + features + ") have no " + FEATURE;
            }
        } catch (IOException e) {
            return "cannot read " + features + ": " + e;
        }
        try {
            Class.forName(LAUNCHER);
        } catch (ClassNotFoundException e) {
            return LAUNCHER + " is not on the test class path (merx-cluster's test-jar)";
        }
        return null;
    }

    /** Starts a fresh PostgreSQL server under {@code work} with an empty {@link #DATABASE}. */
    static TestDatabase startDatabase(Path work) throws Exception {
        return PostgresDatabase.start(work);
    }
}
