package io.merx.risk.transaction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.Event;
import io.merx.api.events.EventListener;
import io.merx.api.events.EventType;

/**
 * What happened since the {@code risk.transaction} models were trained, so velocity is not frozen at training
 * time: every scorer of the kind reads it together with its snapshot ({@link LiveOrderMemory}). Two sources, each
 * counting what only it knows:
 * <ul>
 * <li>the shop's purchase events (the events bundle, through {@link EventListener}): how often an account buys.
 * The lines of one basket (same user, same second) are one order. Not journaled: after a restart the events bundle
 * replays the last {@link #REPLAY_SECONDS};</li>
 * <li>the orders scored with an {@code order_id}: how often a card, device, address or e-mail is used, and by whom
 * first. Events carry none of these identifiers. Journaled in {@code ${karaf.data}/merx/risk}.</li>
 * </ul>
 * Both are kept for {@link #RETENTION_SECONDS}, past the longest velocity window (7 days).
 */
@Component(service = {EventListener.class, OrderActivity.class},
        property = EventListener.REPLAY_SECONDS + ":Long=" + OrderActivity.REPLAY_SECONDS)
public final class OrderActivity implements EventListener {

    /** Purchase events replayed at start: the longest velocity window. */
    static final long REPLAY_SECONDS = 7 * 86_400;
    /** How long online orders are kept: long enough for "first time this account uses this card". */
    static final long RETENTION_SECONDS = 30 * 86_400;

    private static final Logger LOG = LoggerFactory.getLogger(OrderActivity.class);

    /** A store fed by nothing: scorers then read their snapshot alone. */
    static final OrderActivity NONE = new OrderActivity(null, Clock.systemUTC());

    private final OnlineOrders orders = new OnlineOrders(RETENTION_SECONDS);
    private final Clock clock;
    /** Writer-only (synchronized): the journaled orders still kept, for the journal's rewrite. */
    private final List<OrderJournal.Entry> journaled = new ArrayList<>();
    private final OrderJournal journal;

    @Activate
    public OrderActivity() {
        this(Path.of(System.getProperty("karaf.data", "data"), "merx", "risk"), Clock.systemUTC());
    }

    /**
     * @param directory where the journal lives; null for none (memory only)
     */
    OrderActivity(Path directory, Clock clock) {
        this.clock = clock;
        OrderJournal opened = null;
        if (directory != null) {
            List<OrderJournal.Entry> read = new ArrayList<>();
            try {
                opened = OrderJournal.open(directory, read);
            } catch (IOException e) {
                LOG.warn("Scored orders are counted in memory only: cannot open the journal in {}: {}", directory,
                        e.toString());
            }
            for (OrderJournal.Entry entry : read) {
                if (orders.addOrder(entry.identity(), entry.order())) {
                    journaled.add(entry);
                }
            }
        }
        this.journal = opened;
    }

    /** The orders kept, for {@link LiveOrderMemory}. */
    OnlineOrders orders() {
        return orders;
    }

    @Override
    public void accepted(List<Event> events) {
        long now = clock.instant().getEpochSecond();
        for (Event event : events) {
            if (event.type() == EventType.PURCHASE) {
                // Never later than now: a shop clock ahead of ours must not count an order before it happens.
                long time = Math.min(event.timestamp().getEpochSecond(), now);
                orders.addPurchase("purchase\u0000" + event.user() + "\u0000" + time, event.user(), time);
            }
        }
    }

    /**
     * Counts a scored order for the velocity of later orders, once per order id.
     *
     * @return false when this order id was counted before
     */
    synchronized boolean record(String orderId, Order order) {
        String identity = "order\u0000" + orderId;
        if (!orders.addOrder(identity, order)) {
            return false;
        }
        if (journal != null) {
            OrderJournal.Entry entry = new OrderJournal.Entry(identity, order);
            journaled.add(entry);
            try {
                journal.append(entry);
                if (journal.grown()) {
                    long horizon = orders.horizon();
                    journaled.removeIf(e -> e.order().time() < horizon);
                    journal.rewrite(journaled);
                }
            } catch (IOException e) {
                LOG.warn("Order {} is counted but not journaled (a restart forgets it): {}", orderId, e.toString());
            }
        }
        return true;
    }

    @Deactivate
    void close() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warn("Closing the scored-order journal: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "risk order activity (" + orders.size() + " orders since training)";
    }
}
