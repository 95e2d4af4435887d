package io.merx.runtime.shell.command;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.merx.api.experiments.ArmReport;
import io.merx.api.experiments.ExperimentMetric;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentService;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.Guardrail;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "experiment",
        description = "Starts, shows or stops an A/B experiment: a canary decided by a sequential test (mSPRT)")
@Service
public final class ExperimentCommand implements Action {

    /** The experiments bundle, when installed. */
    @Reference(optional = true)
    private ExperimentService experiments;

    @Argument(index = 0, name = "action", required = true, description = "start, status or stop")
    @Completion(value = StringsCompleter.class, values = {"start", "status", "stop"})
    private String action;

    @Argument(index = 1, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 2, name = "version", description = "Candidate version (start)")
    @Completion(VersionCompleter.class)
    private String version;

    @Option(name = "--percent", description = "Candidate's share of live traffic, 0 < percent < 100")
    private double percent = 10;

    @Option(name = "--metric", description = "conversion or ctr")
    @Completion(value = StringsCompleter.class, values = {"conversion", "ctr"})
    private String metric = "conversion";

    @Option(name = "--guardrail", multiValued = true, description = "Guardrail, e.g. latency_p99; repeatable")
    @Completion(value = StringsCompleter.class, values = {"latency_p99"})
    private List<String> guardrails;

    @Option(name = "--alpha", description = "Significance level, default 0.05")
    private double alpha = ExperimentSpec.DEFAULT_ALPHA;

    @Option(name = "--min-samples", description = "Impressions per arm before a decision, default 1000")
    private long minSamples = ExperimentSpec.DEFAULT_MIN_SAMPLES;

    @Option(name = "--max-impressions", description = "Both arms' impressions after which it ends undecided")
    private long maxImpressions;

    @Option(name = "--max-hours", description = "Hours after which it ends undecided")
    private double maxHours;

    @Option(name = "--expected-lift", description = "Relative lift the test is tuned to, default 0.05")
    private double expectedLift = ExperimentSpec.DEFAULT_EXPECTED_LIFT;

    @Override
    public Object execute() throws Exception {
        if (experiments == null) {
            throw new IllegalStateException("experiments are not installed here (feature merx-experiments)");
        }
        switch (action) {
            case "start" -> {
                if (version == null) {
                    throw new IllegalArgumentException("version: give the candidate version to start");
                }
                ExperimentSpec.Builder spec = ExperimentSpec.builder(model, version).percent(percent)
                        .metric(ExperimentMetric.fromWireName(metric)).alpha(alpha).minSamples(minSamples)
                        .maxImpressions(maxImpressions).expectedLift(expectedLift);
                if (guardrails != null) {
                    guardrails.forEach(g -> spec.guardrail(Guardrail.fromWireName(g)));
                }
                if (maxHours > 0) {
                    spec.maxDuration(Duration.ofSeconds(Math.round(maxHours * 3600)));
                }
                System.out.print(describe(experiments.start(spec.build())));
            }
            case "status" -> {
                List<ExperimentReport> reports = experiments.list(model);
                if (reports.isEmpty()) {
                    System.out.println("No experiments for " + model);
                }
                reports.forEach(r -> System.out.print(describe(r)));
            }
            case "stop" -> {
                ExperimentReport running = experiments.list(model).stream().filter(r -> !r.state().isFinal())
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "model: " + model + " has no running experiment"));
                System.out.print(describe(experiments.stop(running.id())));
            }
            default -> throw new IllegalArgumentException("action must be start, status or stop, got '" + action
                    + "'");
        }
        return null;
    }

    /** The report as the shell shows it: a few lines a person reads top to bottom. */
    static String describe(ExperimentReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Experiment %s  %s  %s: version %s vs live %s, %s%% of traffic,"
                + " metric %s, alpha %s%n", r.id(), r.state().wireName().toUpperCase(Locale.ROOT), r.spec().model(),
                r.spec().candidateVersion(), r.controlVersion(), trim(r.spec().percent()),
                r.spec().metric().wireName(), trim(r.spec().alpha())));
        out.append(arm("  Live     ", r.control())).append(arm("  Candidate", r.candidate()));
        out.append(String.format(Locale.ROOT, "  Lift       %+.5f (%+.2f%%), %.0f%% always-valid interval [%+.5f,"
                + " %+.5f], p = %s%n", r.absoluteLift(), 100 * r.relativeLift(), 100 * (1 - r.spec().alpha()),
                r.liftLow(), r.liftHigh(), String.format(Locale.ROOT, r.pValue() >= 1e-4 ? "%.4f" : "%.1e",
                        r.pValue())));
        out.append("  Decision   ").append(r.reason()).append(System.lineSeparator());
        out.append("  Started    ").append(r.startedAt()).append(r.endedAt() == null ? "" : ", ended " + r.endedAt())
                .append(System.lineSeparator());
        return out.toString();
    }

    private static String arm(String label, ArmReport a) {
        return String.format(Locale.ROOT, "%s  v%s: %d impressions, %d successes, rate %.5f%n", label, a.version(),
                a.impressions(), a.successes(), a.rate());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
