package io.merx.customers.internal.segments;

/**
 * One segment of a trained model.
 *
 * @param id 1..k, ordered by the centroid's monetary value, highest first (see {@link SegmentOrder})
 * @param label the centroid in a few words ("frequent, recent, high value")
 * @param description the segment's typical customer in numbers
 * @param size training customers in the segment
 * @param centroid the centre in model space (standardised, weighted features)
 */
record Segment(int id, String label, String description, int size, double[] centroid) {
}
