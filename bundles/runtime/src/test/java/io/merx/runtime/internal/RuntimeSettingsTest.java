package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    /** What a server runs with when etc/io.merx.runtime.cfg sets nothing: the metatype's defaults. */
    private static RuntimeConfig unconfigured() {
        return (RuntimeConfig) Proxy.newProxyInstance(RuntimeConfig.class.getClassLoader(),
                new Class<?>[] {RuntimeConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    }

    @Test
    void defaultsAreWhatAnUnconfiguredServerRunsWith() {
        RuntimeSettings configured = RuntimeSettings.from(unconfigured());
        assertEquals(configured, RuntimeSettings.defaults(configured.storeDirectory()));
    }
}
