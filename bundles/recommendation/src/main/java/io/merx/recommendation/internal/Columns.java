package io.merx.recommendation.internal;

import io.merx.api.HyperParameters;

/**
 * Which dataset columns hold what. User and item are required; weight, timestamp and category are used when the
 * named column exists in the data (an empty name switches one off).
 *
 * @param user user id column
 * @param item item id column
 * @param weight interaction strength (count, quantity, rating); every row counts 1 without it
 * @param timestamp when the interaction happened: a number or an ISO-8601 date/date-time
 * @param category item category, for query-time category filters
 */
record Columns(String user, String item, String weight, String timestamp, String category) {

    static Columns of(HyperParameters hp) {
        return new Columns(hp.getString("userColumn"), hp.getString("itemColumn"), hp.getString("weightColumn"),
                hp.getString("timestampColumn"), hp.getString("categoryColumn"));
    }
}
