package io.merx.runtime.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that imports in progress may expand to together in the store's staging area. Each import takes a
 * {@link Lease} and reserves an archive's declared expanded size before writing any of it, so three archives that
 * each pass the per-archive limit still cannot fill the disk at once; closing the lease, after the staging
 * directory is gone, gives the bytes back.
 */
final class ImportBudget {

    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    ImportBudget(long limit) {
        this.limit = limit;
    }

    Lease lease() {
        return new Lease();
    }

    /** The reservations of one import. */
    final class Lease implements AutoCloseable {

        private long held;

        /** @throws IOException when the other imports in progress leave less than this */
        void reserve(long bytes) throws IOException {
            long now = reserved.addAndGet(bytes);
            if (now > limit) {
                reserved.addAndGet(-bytes);
                throw new IOException("the archive expands to " + bytes + " bytes, more than the "
                        + (limit - now + bytes) + " bytes left of the limit for imports in progress together (" + limit
                        + " bytes); try again when other imports have finished");
            }
            held += bytes;
        }

        @Override
        public void close() {
            reserved.addAndGet(-held);
            held = 0;
        }
    }
}
