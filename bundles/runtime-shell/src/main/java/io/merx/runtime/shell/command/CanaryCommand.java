package io.merx.runtime.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "canary",
        description = "Sends a share of live traffic to a version, sticky per request key")
@Service
public final class CanaryCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", description = "Canary version")
    @Completion(VersionCompleter.class)
    private String version;

    @Argument(index = 2, name = "percent", description = "Share of live traffic, 0 < percent <= 100")
    private double percent = 10;

    @Option(name = "-c", aliases = "--clear", description = "Send all live traffic to live again")
    private boolean clear;

    @Override
    public Object execute() throws Exception {
        if (clear) {
            runtime.clearCanary(model);
            System.out.println("Canary of " + model + " cleared");
        } else if (version == null) {
            throw new IllegalArgumentException("give a version and a percent, or --clear");
        } else {
            runtime.setCanary(model, version, percent);
            System.out.println("Version " + version + " of " + model + " takes " + percent + "% of live traffic");
        }
        return null;
    }
}
