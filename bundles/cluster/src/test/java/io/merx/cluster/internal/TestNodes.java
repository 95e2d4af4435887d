package io.merx.cluster.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Nodes for the tests: a {@link PostgresSharedState} built from a configuration as Config Admin would give it. */
final class TestNodes {

    private TestNodes() {
    }

    /** A node on {@code jdbcUrl} with the server's credentials, 1 MiB chunks and a 2 s connect timeout. */
    static PostgresSharedState node(PostgresServer server, String jdbcUrl, String name) {
        return new PostgresSharedState(config(Map.of("jdbcUrl", jdbcUrl, "user", server.user(), "password",
                server.password(), "nodeName", name, "connectTimeoutSeconds", 2, "socketTimeoutSeconds", 10)));
    }

    /** The configuration annotation with {@code values} set and the annotation's defaults for the rest. */
    static ClusterConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        return (ClusterConfig) Proxy.newProxyInstance(ClusterConfig.class.getClassLoader(),
                new Class<?>[] {ClusterConfig.class}, (proxy, method, args) -> {
                    if (all.containsKey(method.getName())) {
                        return all.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new IllegalStateException(method.getName() + " has no value and no default");
                });
    }
}
