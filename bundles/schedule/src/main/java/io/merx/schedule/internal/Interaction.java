package io.merx.schedule.internal;

/** One exported event: who did something to which item, when (epoch milliseconds). */
record Interaction(String user, String item, long time) {
}
