/**
 * The kind SDK: what every model kind would otherwise repeat, written once. The API ({@code io.merx.api}) stays
 * free of OSGi; this package is the OSGi-aware half a plugin builds on.
 *
 * <ul>
 * <li>{@link io.merx.sdk.kind.BaseKind}: name, version, description and hyper-parameters of a kind, held once,
 * and how it trains ({@link io.merx.sdk.kind.TrainerFactory}) and loads ({@link io.merx.sdk.kind.ScorerLoader});
 * a simple kind is its constructor, plus its demo data when it has some.</li>
 * <li>{@link io.merx.sdk.kind.KindVersion}: the kind's version from its bundle's, as {@code major.minor.micro},
 * so updating the bundle publishes a new kind version; outside OSGi, from the manifest beside the classes.</li>
 * <li>{@link io.merx.sdk.kind.BaseTrainer}: the trainer's kind and validated hyper-parameters, provenance and
 * the cancellation check.</li>
 * <li>{@link io.merx.sdk.kind.PlattScaling}: calibrating a classifier's logit into a probability (since 1.1).</li>
 * </ul>
 *
 * <p>A kind has one public constructor without arguments, which Declarative Services calls and tests call too;
 * its version comes from its bundle, so it needs no {@code BundleContext}. A kind that needs the compute backend
 * (ND4J initialised) declares it as a start-up gate on the class, so no constructor parameter goes unused. By
 * default bnd reads Declarative Services annotations from the component class only, not from a superclass
 * (unless bnd.bnd says {@code -dsannotations-options: inherit}), so the annotations stay on the kind:
 *
 * <pre>{@code
 * @Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + LinearKind.NAME,
 *         reference = @Reference(name = "compute", service = ComputeBackend.class))
 * public final class LinearKind extends BaseKind {
 *     public static final String NAME = "example.linear";
 *
 *     public LinearKind() {
 *         super(NAME, "Linear regression (ND4J)", LinearTrainer.PARAMETERS, LinearTrainer::new,
 *                 dir -> new LinearScorer(LinearModelFiles.read(dir)));
 *     }
 * }
 * }</pre>
 */
@Export
@Version("1.1.0")
package io.merx.sdk.kind;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
