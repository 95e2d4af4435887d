/**
 * The Merx plugin contract: what a model <em>kind</em> implements so the platform can train it, store it,
 * load it and score with it.
 *
 * <p>A plugin registers one {@link io.merx.api.ModelKind} service per kind. The platform asks it for a
 * {@link io.merx.api.Trainer} (with validated {@link io.merx.api.HyperParameters}), trains on a
 * {@link io.merx.api.Dataset}, saves the resulting {@link io.merx.api.TrainedModel} into a model store
 * and later loads it back as a thread-safe {@link io.merx.api.Scorer}.
 *
 * <p>Nothing in this package depends on a compute engine: requests, responses, schemas and provenance are
 * plain Java records, maps and arrays, so they map one-to-one to JSON. Plugins use ND4J/DL4J inside.
 */
@Export
@Version("1.1.0")
package io.merx.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
