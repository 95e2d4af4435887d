package io.merx.recommendation.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import io.merx.api.events.Event;
import io.merx.api.events.EventListener;
import io.merx.api.events.EventType;
import io.merx.recommendation.internal.OnlinePopularity.Trending;

/**
 * What shoppers did since the model was trained, for every recommendation scorer of this bundle: per user the
 * newest interactions and purchases ({@link UserActivity}) and the online item popularity. Fed by the events
 * bundle through {@link EventListener} when that bundle is installed; empty otherwise, and then answers are
 * exactly those of the trained model.
 *
 * <p>One writer (the listener thread; {@link #accepted} is synchronized), many lock-free readers: a user's
 * activity and the trending list are immutable values swapped in whole. Bounded in users (least recently active
 * forgotten first), in entries per user, and by age at read time. Times are event times, never later than the
 * store's clock, so a shop replaying history does not make it fresh. Held in memory; after a restart the events
 * bundle replays the stored events of the last {@code merx.events.replay.seconds} ({@link EventListener#REPLAY_SECONDS}),
 * and events already kept are recognised by id.
 */
@Component(service = {EventListener.class, RecentActivity.class}, configurationPid = FreshnessSettings.PID)
@Designate(ocd = FreshnessConfig.class)
public final class RecentActivity implements EventListener {

    private final FreshnessSettings settings;
    private final Clock clock;
    private final Map<String, UserActivity> users = new ConcurrentHashMap<>();
    /** Writer-only: users in order of their last event, to forget the least recently active first. */
    private final LinkedHashMap<String, Boolean> lastActive = new LinkedHashMap<>(16, 0.75f, true);
    private final OnlinePopularity popularity;
    private volatile Trending trending = Trending.NONE;

    @Activate
    public RecentActivity(FreshnessConfig config) {
        this(FreshnessSettings.from(config), Clock.systemUTC());
    }

    RecentActivity(FreshnessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.popularity = new OnlinePopularity(settings.popularityHalfLife().toMillis(), settings.trendingItems());
    }

    /** An empty store that is never fed: answers come from the trained model alone. */
    static final RecentActivity NONE = new RecentActivity(FreshnessSettings.defaults(), Clock.systemUTC());

    @Override
    public synchronized void accepted(List<Event> events) {
        long now = clock.millis();
        boolean counted = false;
        for (Event event : events) {
            if (event.item() == null) {
                continue;
            }
            boolean interaction = settings.interactionTypes().contains(event.type());
            boolean purchase = event.type() == EventType.PURCHASE;
            if (!interaction && !purchase) {
                continue;
            }
            long time = Math.min(event.timestamp().toEpochMilli(), now);
            UserActivity before = users.getOrDefault(event.user(), UserActivity.EMPTY);
            if (before.has(event.id())) {
                continue; // replayed after the event service restarted: already here
            }
            users.put(event.user(), before.with(event.id(), event.item(), time, interaction, purchase,
                    settings.maxInteractionsPerUser(), settings.maxPurchasesPerUser()));
            lastActive.put(event.user(), Boolean.TRUE);
            if (interaction) {
                popularity.add(event.item(), time);
                counted = true;
            }
        }
        while (lastActive.size() > settings.maxUsers()) {
            String eldest = lastActive.keySet().iterator().next();
            lastActive.remove(eldest);
            users.remove(eldest);
        }
        if (counted) {
            trending = popularity.top(now);
        }
    }

    /** The user's activity, or null when there is none; entries may be older than the limits ({@link #now}). */
    UserActivity user(String user) {
        return user == null ? null : users.get(user);
    }

    /** The items with the highest online counts. */
    Trending trending() {
        return trending;
    }

    long now() {
        return clock.millis();
    }

    /** Oldest interaction time still folded in, as of {@code now}. */
    long interactionsSince(long now) {
        return now - settings.interactionMaxAge().toMillis();
    }

    /** Oldest purchase time still left out of answers, as of {@code now}. */
    long purchasesSince(long now) {
        return now - settings.purchaseMaxAge().toMillis();
    }

    @Override
    public String toString() {
        return "recommendation freshness (" + users.size() + " users)";
    }
}
