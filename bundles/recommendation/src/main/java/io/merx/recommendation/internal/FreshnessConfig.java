package io.merx.recommendation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx Recommendation Freshness",
        description = "How much of what shoppers did since the model was trained the recommendation kinds use:"
                + " recent interactions folded into the user's vector, recent purchases left out of answers,"
                + " online popularity counts. Fed by the events bundle when it is installed; see"
                + " docs/recommendation.md. Changing a value restarts the store, which then starts empty.")
@interface FreshnessConfig {

    @AttributeDefinition(name = "Interactions per user",
            description = "The newest interactions kept per user and folded into their vector; 0 turns fold-in of"
                    + " events off.")
    int maxInteractionsPerUser() default FreshnessSettings.DEFAULT_MAX_INTERACTIONS_PER_USER;

    @AttributeDefinition(name = "Interaction age (seconds)",
            description = "Interactions older than this (by event time) are no longer folded in.")
    long interactionMaxAgeSeconds() default FreshnessSettings.DEFAULT_INTERACTION_MAX_AGE_SECONDS;

    @AttributeDefinition(name = "Purchases per user",
            description = "The newest purchases kept per user; they are left out of that user's answers. 0 turns"
                    + " this off.")
    int maxPurchasesPerUser() default FreshnessSettings.DEFAULT_MAX_PURCHASES_PER_USER;

    @AttributeDefinition(name = "Purchase memory (seconds)",
            description = "How long a purchased item stays out of the buyer's answers.")
    long purchaseMaxAgeSeconds() default FreshnessSettings.DEFAULT_PURCHASE_MAX_AGE_SECONDS;

    @AttributeDefinition(name = "Users",
            description = "The most users remembered; those without events for the longest are forgotten first.")
    int maxUsers() default FreshnessSettings.DEFAULT_MAX_USERS;

    @AttributeDefinition(name = "Popularity half-life (seconds)",
            description = "Online popularity counts halve in this time (trending), and add to the trained"
                    + " popularity.")
    long popularityHalfLifeSeconds() default FreshnessSettings.DEFAULT_POPULARITY_HALF_LIFE_SECONDS;

    @AttributeDefinition(name = "Trending items",
            description = "How many of the items with the highest online counts are used in popularity answers;"
                    + " 0 turns online popularity off.")
    int trendingItems() default FreshnessSettings.DEFAULT_TRENDING_ITEMS;

    @AttributeDefinition(name = "Replay on start (seconds)",
            description = "When the store starts (or the events bundle restarts), the events bundle first hands it"
                    + " the stored events this recent, so answers are as fresh as before a restart; 0: start empty."
                    + " Longer than the interaction and purchase ages gains nothing.")
    long merx_events_replay_seconds() default FreshnessSettings.DEFAULT_PURCHASE_MAX_AGE_SECONDS;

    @AttributeDefinition(name = "Event types",
            description = "Which event types count as interactions (view, click, add_to_cart, purchase).")
    String[] interactionTypes() default {"view", "click", "add_to_cart", "purchase"};
}
