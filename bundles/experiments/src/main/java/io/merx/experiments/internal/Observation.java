package io.merx.experiments.internal;

import io.merx.api.runtime.VersionStats;

/**
 * What an evaluation sees of one model: who serves it now, each arm's counts as totals (not yet since the start),
 * and each version's latency figures.
 *
 * @param liveVersion the version {@code live} points at, or null when the model is gone or has none
 * @param canaryVersion the canary's version, or null without a canary
 * @param canaryPercent the canary's share, 0 without one
 * @param controlTotal the control's counts on route {@code live}
 * @param candidateTotal the candidate's counts on route {@code canary}
 * @param controlStats the live version's traffic figures (since the runtime started)
 * @param candidateStats the candidate's traffic figures (since the runtime started)
 */
public record Observation(String liveVersion, String canaryVersion, double canaryPercent, Counts controlTotal,
        Counts candidateTotal, VersionStats controlStats, VersionStats candidateStats) {
}
