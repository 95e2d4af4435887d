package io.merx.runtime.shell.command;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.api.events.EventType;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;
import io.merx.api.schedule.RetrainScheduler;

@Command(scope = "model", name = "schedules", description = "Lists retrain schedules with their next and last run")
@Service
public final class SchedulesCommand implements Action {

    @Reference(optional = true)
    private RetrainScheduler scheduler;

    @Override
    public Object execute() {
        if (scheduler == null) {
            throw new IllegalStateException("scheduled retrain is not installed here (feature merx-schedule)");
        }
        ShellTable table = new ShellTable();
        table.column("Model");
        table.column("Cron (UTC)");
        table.column("Events");
        table.column("Holdout");
        table.column("Tolerance");
        table.column("Next run");
        table.column("Last run");
        for (RetrainSchedule schedule : scheduler.schedules()) {
            List<RetrainReport> reports = scheduler.reports(schedule.model());
            table.addRow().addContent(schedule.model(), schedule.cron(),
                    EnumSet.copyOf(schedule.eventTypes()).stream().map(EventType::wireName)
                            .collect(Collectors.joining(",")),
                    schedule.holdoutFraction(), schedule.tolerance(),
                    scheduler.nextRun(schedule.model()).map(Object::toString).orElse("never"),
                    reports.isEmpty() ? "none yet" : RetrainReports.line(reports.get(0)));
        }
        table.print(System.out);
        return null;
    }
}
