package io.merx.runtime.shell.command;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;

@Command(scope = "model", name = "jobs", description = "Lists training jobs, or cancels the running job of a model")
@Service
public final class JobsCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Option(name = "--cancel", description = "Cancel the running job of this model")
    @Completion(ModelNameCompleter.class)
    private String cancel;

    @Override
    public Object execute() {
        if (cancel != null) {
            TrainingJob job = runtime.job(cancel)
                    .orElseThrow(() -> new IllegalArgumentException("no training job for model '" + cancel + "'"));
            job.cancel();
            System.out.println("Asked job " + job.id() + " to stop");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Job");
        table.column("Model");
        table.column("Kind");
        table.column("State");
        table.column("Progress");
        table.column("Started");
        table.column("Took");
        table.column("Version");
        table.column("Message");
        Instant now = Instant.now();
        for (TrainingJob job : runtime.jobs()) {
            table.addRow().addContent(job.id(), job.model(), job.kind(), job.state(),
                    String.format(Locale.ROOT, "%.0f%%", job.progress() * 100),
                    JobTimes.started(job, ZoneId.systemDefault()), JobTimes.took(job, now),
                    job.resultVersion().orElse(""), job.message());
        }
        table.print(System.out);
        return null;
    }
}
