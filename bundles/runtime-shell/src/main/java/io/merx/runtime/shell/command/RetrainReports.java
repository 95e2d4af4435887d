package io.merx.runtime.shell.command;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.merx.api.schedule.RetrainReport;

/** A retrain report in one line, as the schedule commands print it. */
final class RetrainReports {

    private RetrainReports() {
    }

    static String line(RetrainReport report) {
        // The reason already names the versions and their nDCG; recall is the figure it leaves out.
        StringBuilder text = new StringBuilder(report.outcome().name()).append(' ')
                .append(report.finishedAt().truncatedTo(ChronoUnit.SECONDS)).append(": ").append(report.reason());
        if (!Double.isNaN(report.candidateRecall())) {
            text.append(String.format(Locale.ROOT, " (recall@10 %.4f vs live %.4f)", report.candidateRecall(),
                    report.liveRecall()));
        }
        return text.toString();
    }
}
