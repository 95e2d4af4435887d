package io.merx.itests.cluster;

import java.nio.file.Path;

/**
 * Every name {@link ClusterIT} takes from the cluster bundle (merx-cluster) and from the runtime's cluster mode,
 * in one place: the feature, its configuration, the cluster endpoint, the database outage message and the shared
 * database's name. Change them here when those parts change.
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
    static final String NODE_ADDRESS_FIELD = "address";

    /** What a management call's 503 names while the shared database is away (case-insensitive). */
    static final String DATABASE_IN_MESSAGE = "PostgreSQL";

    /** The database the nodes share on that server. */
    static final String DATABASE = "merx";

    private ClusterHooks() {
    }

    /** Starts a fresh PostgreSQL server under {@code work} with an empty {@link #DATABASE}. */
    static TestDatabase startDatabase(Path work) throws Exception {
        return PostgresDatabase.start(work, DATABASE);
    }
}
