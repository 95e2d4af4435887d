package io.merx.rest.internal;

/**
 * Tells scoring work that its request gave up (past its time limit), so it stops at the next item instead of
 * running on for nobody. The worker thread is interrupted too, but only while the work says that is safe: an
 * interrupt during a model's load or warm-up would record a healthy version as FAILED.
 */
final class Cancellation {

    private boolean cancelled;
    private boolean watched;
    private Thread interruptible;

    /** True once the request gave up, or the worker thread was interrupted for another reason. */
    synchronized boolean isCancelled() {
        watched = true;
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Whether the work has looked at its cancellation, so it can be expected to stop soon once cancelled. */
    synchronized boolean isWatched() {
        return watched;
    }

    /** From now until {@link #loading()}, a cancellation interrupts the calling thread. */
    synchronized void scoring() {
        interruptible = Thread.currentThread();
        if (cancelled) {
            interruptible.interrupt();
        }
    }

    /** The calling thread may load a version now, or is done: cancelling no longer interrupts it. */
    synchronized void loading() {
        interruptible = null;
    }

    synchronized void cancel() {
        cancelled = true;
        if (interruptible != null) {
            interruptible.interrupt();
        }
    }
}
