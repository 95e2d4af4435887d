/**
 * The Merx order graph on Neo4j: a {@link io.merx.graph.GraphStore} service, present while the database is
 * reachable, that ingests orders, customers, products, categories, sessions and account identifiers
 * idempotently and runs parameterised Cypher for other plugins. The model kinds {@code graph.copurchase},
 * {@code graph.embedding} and {@code graph.fraud} are built on it.
 *
 * <p>Nothing here exposes Neo4j driver types: queries take and return plain Java maps, lists and numbers.
 */
@Export
@Version("1.0.0")
package io.merx.graph;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
