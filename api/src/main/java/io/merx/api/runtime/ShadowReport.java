package io.merx.api.runtime;

/**
 * How a shadow version's outputs compare with live outputs on the same requests. Numeric outputs count as
 * different when they differ by more than 1e-9 relative; other outputs when they are not equal.
 *
 * @param model the model name
 * @param candidateVersion the shadow version
 * @param compared requests scored by both
 * @param differed compared requests where any output differed
 * @param errors requests the shadow version failed on
 * @param dropped requests not shadowed because the shadow queue was full
 * @param meanAbsDifference mean over compared requests of the largest absolute numeric difference
 * @param maxAbsDifference largest absolute numeric difference seen
 */
public record ShadowReport(String model, String candidateVersion, long compared, long differed, long errors,
        long dropped, double meanAbsDifference, double maxAbsDifference) {
}
