package io.merx.events.kafka.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the consumer has done since it started, for logs, the shell and tests.
 *
 * @param records records read, valid or not
 * @param accepted events stored
 * @param duplicates events whose id the log had seen (redelivered after a restart, or sent twice)
 * @param invalid records skipped because they are not a valid event (each logged with its offset)
 * @param failedIngests times the events log could not store a batch (nothing committed, read again)
 * @param commits offset commits done
 * @param assigned the partitions this consumer reads now, {@code topic-partition}
 * @param lastError the last problem, or null
 * @param lastErrorAt when it happened, or null
 */
public record ConsumerStatus(long records, long accepted, long duplicates, long invalid, long failedIngests, long commits,
        List<String> assigned, String lastError, Instant lastErrorAt) {
}
