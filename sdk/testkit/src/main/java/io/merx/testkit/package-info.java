/**
 * The plugin test kit: {@link io.merx.testkit.ModelKindContract} is the contract every model kind passes
 * (deterministic training, save/load round trip, thread-safe scoring, native memory freed on close, clear
 * errors for bad input, schema and warmup samples consistent). {@link io.merx.testkit.LinearTestKind} is a small
 * real kind for testing the platform itself (runtime, REST, benchmarks) without a module.
 */
@Export
@Version("1.1.0")
package io.merx.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
