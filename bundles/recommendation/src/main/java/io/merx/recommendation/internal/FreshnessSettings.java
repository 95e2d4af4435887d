package io.merx.recommendation.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.merx.api.events.EventType;

/** The validated {@link FreshnessConfig}: bounds of the {@link RecentActivity} store. */
record FreshnessSettings(int maxInteractionsPerUser, Duration interactionMaxAge, int maxPurchasesPerUser,
        Duration purchaseMaxAge, int maxUsers, Duration popularityHalfLife, int trendingItems,
        Set<EventType> interactionTypes) {

    static final String PID = "io.merx.recommendation.freshness";
    static final int DEFAULT_MAX_INTERACTIONS_PER_USER = 50;
    static final long DEFAULT_INTERACTION_MAX_AGE_SECONDS = 7 * 24 * 3600L;
    static final int DEFAULT_MAX_PURCHASES_PER_USER = 100;
    static final long DEFAULT_PURCHASE_MAX_AGE_SECONDS = 30 * 24 * 3600L;
    static final int DEFAULT_MAX_USERS = 100_000;
    static final long DEFAULT_POPULARITY_HALF_LIFE_SECONDS = 24 * 3600L;
    static final int DEFAULT_TRENDING_ITEMS = 1_000;

    FreshnessSettings {
        nonNegative("maxInteractionsPerUser", maxInteractionsPerUser);
        nonNegative("maxPurchasesPerUser", maxPurchasesPerUser);
        nonNegative("trendingItems", trendingItems);
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be at least 1, got " + maxUsers);
        }
        positive("interactionMaxAgeSeconds", interactionMaxAge);
        positive("purchaseMaxAgeSeconds", purchaseMaxAge);
        positive("popularityHalfLifeSeconds", popularityHalfLife);
        if (interactionTypes.contains(EventType.CUSTOM)) {
            throw new IllegalArgumentException("interactionTypes cannot hold custom: custom events need no item");
        }
        interactionTypes = interactionTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(interactionTypes));
    }

    static FreshnessSettings defaults() {
        return new FreshnessSettings(DEFAULT_MAX_INTERACTIONS_PER_USER,
                Duration.ofSeconds(DEFAULT_INTERACTION_MAX_AGE_SECONDS), DEFAULT_MAX_PURCHASES_PER_USER,
                Duration.ofSeconds(DEFAULT_PURCHASE_MAX_AGE_SECONDS), DEFAULT_MAX_USERS,
                Duration.ofSeconds(DEFAULT_POPULARITY_HALF_LIFE_SECONDS), DEFAULT_TRENDING_ITEMS,
                EnumSet.of(EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE));
    }

    static FreshnessSettings from(FreshnessConfig config) {
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : config.interactionTypes()) {
            try {
                types.add(EventType.fromWireName(name.trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("interactionTypes: " + e.getMessage(), e);
            }
        }
        return new FreshnessSettings(config.maxInteractionsPerUser(),
                Duration.ofSeconds(config.interactionMaxAgeSeconds()), config.maxPurchasesPerUser(),
                Duration.ofSeconds(config.purchaseMaxAgeSeconds()), config.maxUsers(),
                Duration.ofSeconds(config.popularityHalfLifeSeconds()), config.trendingItems(), types);
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be more than 0, got " + value.toSeconds());
        }
    }
}
