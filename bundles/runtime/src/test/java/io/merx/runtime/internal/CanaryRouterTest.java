package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.merx.api.runtime.CanarySplit;

/**
 * A request key's canary side depends on the key alone: no per-JVM seed or identity hash, so every node of a cluster
 * (and every restart) sends a key to the same version. {@code ClusterTest} checks three runtimes agree; the buckets
 * here were computed in another JVM, so a seed that differs between JVMs would fail them.
 */
class CanaryRouterTest {

    @Test
    void bucketsAreTheSameInEveryJvm() {
        assertEquals(7745, CanaryRouter.bucket("user-1"));
        assertEquals(6730, CanaryRouter.bucket("user-2"));
        assertEquals(7928, CanaryRouter.bucket("alice"));
        assertEquals(249, CanaryRouter.bucket("42"));
    }

    @Test
    void aKeyTakesTheCanaryWhenItsBucketIsWithinTheShare() {
        assertTrue(CanaryRouter.toCanary(new CanarySplit("2", 2.5), "42"), "bucket 249 < 250");
        assertFalse(CanaryRouter.toCanary(new CanarySplit("2", 2.4), "42"), "bucket 249 >= 240");
        assertFalse(CanaryRouter.toCanary(null, "42"));
    }
}
