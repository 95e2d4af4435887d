package io.merx.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code io.merx.cluster}: without it there is no cluster mode and nothing registers. */
@ObjectClassDefinition(name = "Merx cluster", description = "Cluster mode: the shared state of every Merx node in one"
        + " PostgreSQL database. Without this configuration the node runs alone on its local store.")
@interface ClusterConfig {

    @AttributeDefinition(name = "JDBC URL", description = "The shared database, for example"
            + " jdbc:postgresql://127.0.0.1:5432/merx. The bundle creates and migrates its tables there.")
    String jdbcUrl();

    @AttributeDefinition(name = "User", description = "Database user; it needs to create tables on first start.")
    String user() default "merx";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "The user's password."
            + " Never logged nor shown in messages.")
    String password() default "";

    @AttributeDefinition(name = "Node name", description = "This node's name, unique in the cluster; empty takes"
            + " the host name.")
    String nodeName() default "";

    @AttributeDefinition(name = "Address", description = "Where operators and load balancers reach this node, for"
            + " example http://10.0.0.5:8181; shown by model:nodes. May be empty.")
    String address() default "";

    @AttributeDefinition(name = "Chunk size", description = "Model files are stored in chunks of this many bytes"
            + " (64 KiB to 64 MiB); a node never holds more than one chunk of a file in memory.")
    int chunkSizeBytes() default 1024 * 1024;

    @AttributeDefinition(name = "Connect timeout", description = "Seconds to wait for the database before a call"
            + " fails as unreachable.")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(name = "Socket timeout", description = "Seconds a query may wait for an answer before the"
            + " connection is taken as dead.")
    int socketTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Pool size", description = "Connections kept for calls (the change feed holds one"
            + " more).")
    int poolSize() default 4;
}
