package io.merx.customers.internal.segments;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A trained segmentation: the model categories, the scaler, the segments in id order, the day features were
 * measured at, and each training customer's segment and raw features. Heap only, immutable.
 */
final class SegmentModel {

    /**
     * A training customer.
     *
     * @param segment segment id (1..k)
     * @param features raw features (recency, orders, mean order amount, tenure, category shares)
     */
    record Member(int segment, double[] features) {
    }

    private final List<String> categories;
    private final Scaler scaler;
    private final List<Segment> segments;
    private final int asOfDay;
    private final Map<String, Member> members;

    SegmentModel(List<String> categories, Scaler scaler, List<Segment> segments, int asOfDay,
            Map<String, Member> members) {
        this.categories = List.copyOf(categories);
        this.scaler = scaler;
        this.segments = List.copyOf(segments);
        this.asOfDay = asOfDay;
        this.members = Collections.unmodifiableMap(members);
    }

    /** The segment of a customer given by raw features: the nearest centroid in model space. */
    Segment assign(double[] raw) {
        double[] z = scaler.apply(RfmFeatures.transform(raw));
        Segment best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Segment segment : segments) {
            double d = 0;
            for (int j = 0; j < z.length; j++) {
                double diff = z[j] - segment.centroid()[j];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = segment;
            }
        }
        return best;
    }

    Segment segment(int id) {
        return segments.get(id - 1);
    }

    List<String> categories() {
        return categories;
    }

    Scaler scaler() {
        return scaler;
    }

    List<Segment> segments() {
        return segments;
    }

    int asOfDay() {
        return asOfDay;
    }

    Map<String, Member> members() {
        return members;
    }

    int customerCount() {
        return members.size();
    }
}
