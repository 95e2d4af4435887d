package io.merx.itests.cluster;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * {@link TestDatabase} on merx-cluster's real-PostgreSQL launcher ({@link ClusterHooks#LAUNCHER}). Called through
 * reflection so that this module compiles before merx-cluster's test-jar is one of its dependencies; once it is,
 * these calls can become plain ones.
 */
final class PostgresDatabase implements TestDatabase {

    private final Object server;
    private final String jdbcUrl;

    private PostgresDatabase(Object server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    static PostgresDatabase start(Path work) throws Exception {
        Class<?> launcher = Class.forName(ClusterHooks.LAUNCHER);
        Object server = invoke(launcher.getMethod("start", Path.class), null, work.toAbsolutePath());
        String url = (String) invoke(launcher.getMethod("createDatabase", String.class), server,
                ClusterHooks.DATABASE);
        return new PostgresDatabase(server, url);
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return (String) call("user");
    }

    @Override
    public String password() {
        return (String) call("password");
    }

    @Override
    public void stop() {
        call("stop");
    }

    @Override
    public void restart() {
        call("restart");
    }

    @Override
    public void close() {
        call("close");
    }

    private Object call(String method) {
        try {
            return invoke(server.getClass().getMethod(method), server);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL launcher: " + method + " failed: " + e.getMessage(), e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
