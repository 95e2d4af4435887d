/**
 * The plugin test kit: {@link io.merx.testkit.ModelKindContract} is the contract every model kind passes
 * (deterministic training, save/load round trip, thread-safe scoring, native memory freed on close, clear
 * errors for bad input, schema and warmup samples consistent).
 */
@Export
@Version("1.0.0")
package io.merx.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
