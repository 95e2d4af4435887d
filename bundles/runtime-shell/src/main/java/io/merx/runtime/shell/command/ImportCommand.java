package io.merx.runtime.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.runtime.shell.internal.ShellFiles;

@Command(scope = "model", name = "import", description = "Imports an exported model archive as a new version")
@Service
public final class ImportCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Reference
    private ShellFiles files;

    @Argument(index = 0, name = "archive", required = true, description = "Zip file written by model:export,"
            + " inside the import directories"
            + " (pid io.merx.runtime, importDirectories)")
    private String archive;

    @Option(name = "-n", aliases = "--name", description = "Import into this model instead of the archive's")
    private String name;

    @Override
    public Object execute() throws Exception {
        ModelVersionInfo v = runtime.importArtifact(files.imports().existingFile(archive), name);
        System.out.println("Imported " + archive + " as " + v.model() + " version " + v.version() + " (" + v.kind()
                + " " + v.kindRange() + ")");
        return null;
    }
}
