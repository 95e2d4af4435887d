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

@Command(scope = "model", name = "alias", description = "Points an alias at a version, or removes it")
@Service
public final class AliasCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "alias", required = true, description = "Alias, e.g. staging")
    private String alias;

    @Argument(index = 2, name = "version", description = "Version the alias names")
    @Completion(VersionCompleter.class)
    private String version;

    @Option(name = "-r", aliases = "--remove", description = "Remove the alias")
    private boolean remove;

    @Override
    public Object execute() throws Exception {
        if (remove) {
            runtime.removeAlias(model, alias);
            System.out.println("Removed alias " + alias + " of " + model);
        } else if (version == null) {
            throw new IllegalArgumentException("give a version, or --remove");
        } else {
            runtime.setAlias(model, alias, version);
            System.out.println(model + " " + alias + " -> version " + version);
        }
        return null;
    }
}
