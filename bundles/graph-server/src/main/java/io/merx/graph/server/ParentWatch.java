package io.merx.graph.server;

import java.util.Optional;

/**
 * Ends this server when the JVM that started it is gone. Closing standard input tells a running server to stop,
 * but a server still starting (tens of seconds) reads no input, so without this watch it outlived a killed Karaf
 * until it had started. Started first thing in {@code main}; polls, since a process cannot be told of the death
 * of a parent it did not start.
 */
final class ParentWatch {

    private static final long POLL_MILLIS = 250;
    /** A clean shutdown (Neo4j flushes its store) may take this long before the process is halted. */
    private static final long SHUTDOWN_MILLIS = 5_000;

    private ParentWatch() {
    }

    /**
     * Watches the process with the given pid (the launcher passes its own, so a parent that died before this
     * JVM got here is noticed too), or this process's parent when the pid is 0.
     */
    static void start(long parentPid) {
        Optional<ProcessHandle> parent = parentPid > 0 ? ProcessHandle.of(parentPid) : ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            exit("the process that started the graph server (pid " + parentPid + ") is gone");
            return;
        }
        ProcessHandle watched = parent.get();
        Thread watch = new Thread(() -> {
            while (watched.isAlive()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            exit("the process that started the graph server (pid " + watched.pid() + ") is gone");
        }, "merx-graph-server-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void exit(String why) {
        System.err.println(why + "; stopping");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_MILLIS);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(3);
        }, "merx-graph-server-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(3);
    }
}
