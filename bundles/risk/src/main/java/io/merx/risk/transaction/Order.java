package io.merx.risk.transaction;

import java.util.List;

/**
 * One order as the features see it. Identifiers may be null when unknown.
 *
 * @param id order id
 * @param account customer account id
 * @param time epoch seconds (UTC) of the order
 * @param accountCreatedDay epoch day the account was opened, or {@code Long.MIN_VALUE} when unknown
 * @param amount order value, >= 0
 * @param items number of items, >= 0
 * @param card card fingerprint
 * @param device device fingerprint
 * @param address shipping address
 * @param billing billing address
 * @param email e-mail address
 */
record Order(String id, String account, long time, long accountCreatedDay, double amount, double items, String card,
        String device, String address, String billing, String email) {

    /** The identifier types the velocity and graph features read, in feature order. */
    static final List<String> IDENTIFIER_TYPES = List.of("card", "device", "address", "email");

    /** The order's identifier of a type of {@link #IDENTIFIER_TYPES}. */
    String identifier(int type) {
        return switch (type) {
            case 0 -> card;
            case 1 -> device;
            case 2 -> address;
            default -> email;
        };
    }
}
