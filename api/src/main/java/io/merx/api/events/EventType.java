package io.merx.api.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a shopper did. The wire name is the lower-case constant name ({@code add_to_cart}).
 *
 * @since 1.0
 */
public enum EventType {
    /** The shopper saw an item (a product page, a tile in a list). */
    VIEW,
    /** The shopper clicked an item. */
    CLICK,
    /** The shopper put an item into the cart. */
    ADD_TO_CART,
    /** The shopper bought an item; the event's value is the revenue. */
    PURCHASE,
    /** Anything else the shop wants kept; stored and exported, never counted in the metrics. */
    CUSTOM;

    /** The wire names, comma-separated, for messages. */
    public static final String NAMES = Arrays.stream(values()).map(EventType::wireName)
            .collect(Collectors.joining(", "));

    /** The name in JSON and CSV, e.g. {@code add_to_cart}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type with this wire name.
     *
     * @throws InvalidEventException naming field {@code type} when there is none
     */
    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new InvalidEventException("type", "must be one of " + NAMES + ", got '" + name + "'");
    }
}
