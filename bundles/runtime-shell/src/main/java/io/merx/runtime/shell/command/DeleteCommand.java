package io.merx.runtime.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "delete", description = "Deletes a version no alias, canary or shadow uses")
@Service
public final class DeleteCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", required = true, description = "Version to delete")
    @Completion(VersionCompleter.class)
    private String version;

    @Override
    public Object execute() throws Exception {
        runtime.delete(model, version);
        System.out.println("Deleted version " + version + " of " + model);
        return null;
    }
}
