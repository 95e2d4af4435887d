package io.merx.runtime.shell.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.runtime.shell.command.completers.KindCompleter;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.internal.ShellFiles;

@Command(scope = "model", name = "train",
        description = "Trains a new version of a model on a CSV (header row) or JSON Lines file")
@Service
public final class TrainCommand implements Action {

    private static final int BAR = 30;

    @Reference
    private ModelRuntime runtime;

    @Reference
    private ShellFiles files;

    @Argument(index = 0, name = "model", required = true, description = "Model name, e.g. churn")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "kind", required = true, description = "Kind to train, see model:kinds")
    @Completion(KindCompleter.class)
    private String kind;

    @Argument(index = 2, name = "dataset", required = true, description = "CSV or .jsonl file inside the data set"
            + " directories (pid io.merx.runtime, datasetDirectories)")
    private String dataset;

    @Option(name = "-p", aliases = "--param", multiValued = true, description = "Hyper-parameter name=value")
    private List<String> parameters;

    @Option(name = "--activate", description = "Point live at the new version when training succeeds")
    private boolean activate;

    @Option(name = "-w", aliases = "--wait", description = "Wait for the job and show its progress")
    private boolean await;

    @Override
    public Object execute() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                int eq = parameter.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("hyper-parameters are name=value, got '" + parameter + "'");
                }
                values.put(parameter.substring(0, eq).trim(), parameter.substring(eq + 1).trim());
            }
        }
        TrainingJob job = runtime.train(TrainingRequest.builder(model, kind, files.datasets().existingFile(dataset))
                .parameters(values).activate(activate).build());
        System.out.println("Started training job " + job.id() + " for " + model);
        if (!await) {
            System.out.println("Follow it with model:jobs");
            return null;
        }
        String last = null;
        try {
            while (!job.await(Duration.ofMillis(250))) {
                last = printIfChanged(job, last);
            }
        } catch (InterruptedException e) {
            System.out.println("Stopped waiting; the job goes on (model:jobs --cancel " + model + " stops it)");
            return null;
        }
        printIfChanged(job, last);
        if (job.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException("training " + job.state().name().toLowerCase(Locale.ROOT) + ": "
                    + job.message());
        }
        return null;
    }

    private static String printIfChanged(TrainingJob job, String last) {
        String line = bar(job.progress()) + " " + job.message();
        if (!line.equals(last)) {
            System.out.println(line);
        }
        return line;
    }

    static String bar(double progress) {
        int filled = (int) Math.round(progress * BAR);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%", "#".repeat(filled), " ".repeat(BAR - filled),
                progress * 100);
    }
}
