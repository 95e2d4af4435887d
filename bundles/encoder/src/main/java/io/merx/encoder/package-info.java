/**
 * A pretrained sentence encoder: text in, a fixed-length embedding out, offline.
 *
 * <p>The service appears once the encoder bundle has loaded its model and native libraries; reference it rather
 * than creating encoders yourself.
 *
 * <pre>{@code
 * @Activate
 * public MyComponent(@Reference SentenceEncoder encoder) {
 *     float[][] vectors = encoder.encode(List.of("where is my card?", "my card has not arrived"));
 *     float similarity = SentenceEncoder.cosine(vectors[0], vectors[1]);
 * }
 * }</pre>
 *
 * <p>Version 0.1: a first cut that lives in the encoder bundle, not in {@code io.merx.api}, until the kinds that
 * use it settle what they need.
 */
@Export
@Version("0.1.0")
package io.merx.encoder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
