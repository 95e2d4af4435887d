/**
 * The seam between the model runtime and a shared store of desired state, for running several Merx nodes as one
 * cluster. The runtime uses a {@link io.merx.runtime.cluster.SharedState} service when one is registered (the
 * {@code merx-cluster} bundle registers one on PostgreSQL once its configuration names a database); without it,
 * the runtime keeps its state in its local store alone, as a single node.
 *
 * <p>What is shared: each model's desired record ({@link io.merx.runtime.cluster.DesiredModel}: versions, aliases,
 * live history, canary, shadow), every version's manifest and files, training jobs and their leases, and what each
 * node reports it serves ({@link io.merx.runtime.cluster.NodeReport}). What is not: loaded scorers, traffic
 * statistics, shadow comparisons; each node keeps those in memory.
 *
 * <p>Every write is a compare-and-set on the model's revision, so two operators changing one model on two nodes
 * get a {@link io.merx.runtime.cluster.ConcurrentChangeException}, never a lost update. When the database cannot be
 * reached, calls throw {@link io.merx.runtime.cluster.SharedStateUnavailableException}; nodes keep serving what they
 * last reconciled.
 */
@Export
@Version("1.0.0")
package io.merx.runtime.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
