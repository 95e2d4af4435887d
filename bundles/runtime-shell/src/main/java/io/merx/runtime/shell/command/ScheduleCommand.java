package io.merx.runtime.shell.command;

import java.util.EnumSet;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.events.EventType;
import io.merx.api.events.InvalidEventException;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;
import io.merx.api.schedule.RetrainScheduler;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;

@Command(scope = "model", name = "schedule",
        description = "Retrains a recommendation model from the events log on a cron schedule (UTC), activating the"
                + " new version only when its offline nDCG@10 is no worse than live's")
@Service
public final class ScheduleCommand implements Action {

    @Reference(optional = true)
    private RetrainScheduler scheduler;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "cron",
            description = "Unix cron, five fields in UTC, quoted: \"0 3 * * *\" is every night at 03:00")
    private String cron;

    @Option(name = "--types", description = "Event types to train on, comma-separated (default purchase,add_to_cart)")
    private String types;

    @Option(name = "--holdout", description = "Newest share of events held out for the comparison (default 0.2)")
    private double holdout = RetrainSchedule.DEFAULT_HOLDOUT_FRACTION;

    @Option(name = "--tolerance", description = "How much lower the candidate's nDCG@10 may be (default 0)")
    private double tolerance = RetrainSchedule.DEFAULT_TOLERANCE;

    @Option(name = "--remove", description = "Remove the schedule of the model")
    private boolean remove;

    @Option(name = "--run-now", description = "Retrain now with the model's schedule and print the report")
    private boolean runNow;

    @Override
    public Object execute() throws Exception {
        if (scheduler == null) {
            throw new IllegalStateException("scheduled retrain is not installed here (feature merx-schedule)");
        }
        if (remove) {
            System.out.println(scheduler.unschedule(model) ? "Retrain schedule of " + model + " removed"
                    : model + " has no retrain schedule");
            return null;
        }
        if (cron != null) {
            RetrainSchedule schedule = scheduler.schedule(new RetrainSchedule(model, cron, eventTypes(), holdout,
                    tolerance));
            System.out.println("Retrain of " + model + " scheduled at '" + schedule.cron() + "' (UTC), next run "
                    + scheduler.nextRun(model).map(Object::toString).orElse("never"));
        } else if (!runNow) {
            throw new IllegalArgumentException("give a cron expression, --run-now or --remove");
        }
        if (runNow) {
            RetrainReport report = scheduler.runNow(model);
            System.out.println(RetrainReports.line(report));
        }
        return null;
    }

    private Set<EventType> eventTypes() {
        if (types == null) {
            return RetrainSchedule.DEFAULT_EVENT_TYPES;
        }
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        for (String name : types.split(",")) {
            try {
                set.add(EventType.fromWireName(name.trim()));
            } catch (InvalidEventException e) {
                throw new IllegalArgumentException("option --types: " + e.getMessage(), e);
            }
        }
        return set;
    }
}
