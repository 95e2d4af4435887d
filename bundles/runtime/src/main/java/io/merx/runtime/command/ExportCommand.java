package io.merx.runtime.command;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.command.completers.ModelNameCompleter;
import io.merx.runtime.command.completers.VersionCompleter;

@Command(scope = "model", name = "export", description = "Writes a version as a zip archive for model:import")
@Service
public final class ExportCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", required = true, description = "Version or alias")
    @Completion(VersionCompleter.class)
    private String version;

    @Argument(index = 2, name = "archive", required = true, description = "Zip file to write")
    @Completion(FileCompleter.class)
    private String archive;

    @Override
    public Object execute() throws Exception {
        runtime.exportArtifact(model, version, Path.of(archive));
        System.out.println("Exported " + model + " " + version + " to " + archive);
        return null;
    }
}
