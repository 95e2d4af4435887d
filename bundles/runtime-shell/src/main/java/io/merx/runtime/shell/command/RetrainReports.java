package io.merx.runtime.shell.command;

import java.util.Locale;

import io.merx.api.schedule.RetrainReport;

/** A retrain report in one line, as the schedule commands print it. */
final class RetrainReports {

    private RetrainReports() {
    }

    static String line(RetrainReport report) {
        StringBuilder text = new StringBuilder(report.outcome().name()).append(' ').append(report.finishedAt());
        if (!Double.isNaN(report.candidateValue())) {
            text.append(String.format(Locale.ROOT, ", %s candidate %s %.4f vs live %s %.4f (recall@10 %.4f vs %.4f)"
                    + " on %d users", report.metric(), report.candidateVersion(), report.candidateValue(),
                    report.liveVersion(), report.liveValue(), report.candidateRecall(), report.liveRecall(),
                    report.evaluatedUsers()));
        }
        return text.append(": ").append(report.reason()).toString();
    }
}
