package io.merx.api.events;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every batch of newly accepted events once it is stored: register one as an OSGi service (whiteboard)
 * and the {@link EventService} calls it. Duplicates (an id seen before) are not passed on, so each stored event
 * reaches a listener once.
 *
 * <pre>{@code
 * @Component(service = EventListener.class)
 * public final class Trending implements EventListener {
 *     public void accepted(List<Event> events) {
 *         events.forEach(e -> counts.merge(e.item(), 1L, Long::sum));
 *     }
 * }
 * }</pre>
 *
 * <p>Delivery is asynchronous, on a thread of the event service, one batch at a time per listener and in the
 * order the batches were stored; ingestion never waits for a listener. A listener that falls too far behind
 * loses batches (the service logs how many), and one that throws is logged and keeps receiving. Events stored
 * before the listener was registered are delivered only to a listener that asks for them with
 * {@link #REPLAY_SECONDS}.
 *
 * @since 1.1
 */
@ConsumerType
public interface EventListener {

    /**
     * Service property (a number of seconds, e.g. {@code Long}): a listener registered with it first receives the
     * stored events whose timestamp is at most that old, oldest stored first, in batches, and then the live
     * batches, with nothing missed or repeated in between. So a listener that keeps state in memory finds it as it
     * was after a restart; when the event service itself restarts the replay comes again, so such a listener
     * recognises events it already has by {@link Event#id()}.
     *
     * @since 1.1
     */
    String REPLAY_SECONDS = "merx.events.replay.seconds";

    /**
     * The events of one stored batch, in the order they were sent, without duplicates.
     *
     * @param events not empty, unmodifiable
     */
    void accepted(List<Event> events);
}
