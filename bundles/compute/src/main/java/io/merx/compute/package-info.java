/**
 * The compute backend: ND4J/DL4J initialised once, inside the compute bundle.
 *
 * <p>Every component that touches ND4J must reference {@link io.merx.compute.ComputeBackend}: the service
 * appears only after ND4J has been initialised with the compute bundle's class loader, and a plugin that
 * touches ND4J earlier leaves ND4J broken until a refresh.
 *
 * <pre>{@code
 * @Component(service = ModelKind.class)
 * public final class MyKind implements ModelKind {
 *     @Activate
 *     public MyKind(@Reference ComputeBackend compute) { ... }
 * }
 * }</pre>
 */
@Export
@Version("1.0.0")
package io.merx.compute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
