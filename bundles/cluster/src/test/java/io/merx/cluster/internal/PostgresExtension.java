package io.merx.cluster.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real PostgreSQL for the whole test run, started on first use and stopped when the run ends. Tests get it
 * as a parameter ({@code @ExtendWith(PostgresExtension.class)}, then {@code PostgresServer server} in a
 * constructor or method) and make a database of their own with {@link PostgresServer#createDatabase(String)}.
 * A test that stops the server should start its own {@link PostgresServer} instead.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Running(), Running.class).server;
    }

    /** Closed by JUnit when the run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        final PostgresServer server;

        Running() {
            try {
                server = PostgresServer.start(Path.of("target", "postgres"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
