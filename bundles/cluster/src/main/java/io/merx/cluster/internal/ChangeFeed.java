package io.merx.cluster.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on {@link ModelRecords#CHANNEL} on a connection of its own, in one daemon thread that hands each
 * notification's model name to the consumer. When the connection drops it says so once, reconnects every few
 * seconds and LISTENs again; notifications sent meanwhile are lost (the runtime's periodic reconcile covers them).
 * Closing stops the thread and closes its connection.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final Database database;
    private final Consumer<String> changed;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile Connection connection;

    ChangeFeed(Database database, Consumer<String> changed, String nodeName) {
        this.database = database;
        this.changed = changed;
        thread = new Thread(this::run, "merx-cluster-watch-" + nodeName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = 250;
        boolean down = false;
        while (open) {
            try (Connection c = database.dedicatedConnection()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ModelRecords.CHANNEL);
                }
                if (down) {
                    LOG.info("Cluster store {}: listening for changes again", database.description());
                }
                down = false;
                backoff = 250;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!open) {
                    break;
                }
                if (!down) {
                    LOG.warn("{}; changes from other nodes arrive with the next periodic reconcile until it is back",
                            database.failure("listen for changes", e).getMessage());
                    down = true;
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            } finally {
                connection = null;
            }
        }
    }

    private void deliver(String model) {
        try {
            changed.accept(model);
        } catch (RuntimeException e) {
            LOG.warn("Handling the change of model '{}' failed", model, e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // close() interrupts to end the wait; the loop checks open.
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing to wake the thread up; a broken connection is closed enough.
            }
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
