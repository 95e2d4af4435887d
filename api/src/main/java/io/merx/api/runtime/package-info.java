/**
 * The Java API of the Merx model runtime: score by model name through aliases, manage versions, train,
 * import and export artifacts, and steer traffic (activation, rollback, canary, shadow).
 *
 * <p>The platform registers one {@link io.merx.api.runtime.ModelRuntime} service; the shell commands
 * ({@code merx-runtime-shell}) and the REST layer ({@code merx-rest}) are its clients. Everything here is
 * plain Java records and enums, free of compute engines, so it maps one-to-one to JSON.
 */
@Export
@Version("2.1.0")
package io.merx.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
