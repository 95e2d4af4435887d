package io.merx.graph.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Neo4j connection, pid {@code io.merx.graph} ({@code etc/io.merx.graph.cfg}). */
@ObjectClassDefinition(name = "Merx Graph (Neo4j)",
        description = "Where the order graph lives. Leave 'uri' empty to run an embedded Neo4j in a child JVM.")
@interface GraphConfig {

    @AttributeDefinition(description = "Bolt URI of an external Neo4j, e.g. neo4j://db.example.com:7687. "
            + "Empty: start the embedded Neo4j shipped in ${karaf.home}/neo4j/lib with its store in "
            + "${karaf.data}/neo4j.")
    String uri() default "";

    @AttributeDefinition(description = "Neo4j user (external server only)")
    String user() default "neo4j";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Neo4j password (external server only; the embedded one generates its own)")
    String password() default "";

    @AttributeDefinition(description = "Database name; Neo4j community has one user database, 'neo4j'")
    String database() default "neo4j";

    @AttributeDefinition(description = "Maximum pooled Bolt connections")
    int poolSize() default 20;

    @AttributeDefinition(description = "How long a failing transaction is retried (with backoff) before an "
            + "operation reports Neo4j as unavailable, in seconds")
    int retrySeconds() default 30;

    @AttributeDefinition(description = "Embedded server: maximum heap of the child JVM in MB")
    int embeddedHeapMb() default 1024;

    @AttributeDefinition(description = "Embedded server: page cache in MB")
    int embeddedPageCacheMb() default 256;

    @AttributeDefinition(description = "Embedded server: seconds to wait for it to start")
    int embeddedStartSeconds() default 180;
}
