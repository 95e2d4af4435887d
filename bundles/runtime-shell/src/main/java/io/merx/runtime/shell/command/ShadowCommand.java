package io.merx.runtime.shell.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ShadowReport;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "shadow",
        description = "Scores a copy of live traffic with a version and reports differences; no version shows the report")
@Service
public final class ShadowCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", description = "Version to shadow live traffic with")
    @Completion(VersionCompleter.class)
    private String version;

    @Option(name = "-c", aliases = "--clear", description = "Stop shadow scoring")
    private boolean clear;

    @Override
    public Object execute() throws Exception {
        if (clear) {
            runtime.clearShadow(model);
            System.out.println("Shadow of " + model + " stopped");
        } else if (version != null) {
            runtime.setShadow(model, version);
            System.out.println("Version " + version + " of " + model + " shadows live traffic");
        } else {
            ShadowReport r = runtime.shadowReport(model);
            System.out.printf(Locale.ROOT, "Shadow %s of %s: %d compared, %d differed, %d errors, %d dropped,"
                    + " mean |diff| %.6g, max |diff| %.6g%n", r.candidateVersion(), model, r.compared(), r.differed(),
                    r.errors(), r.dropped(), r.meanAbsDifference(), r.maxAbsDifference());
        }
        return null;
    }
}
