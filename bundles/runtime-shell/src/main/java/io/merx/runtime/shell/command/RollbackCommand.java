package io.merx.runtime.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;

@Command(scope = "model", name = "rollback", description = "Points live back at the version it served before")
@Service
public final class RollbackCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Override
    public Object execute() throws Exception {
        ModelVersionInfo v = runtime.rollback(model);
        System.out.println(model + " live -> version " + v.version());
        return null;
    }
}
