package io.merx.runtime.shell.command;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

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
import io.merx.runtime.shell.internal.ShellFiles;

@Command(scope = "model", name = "export", description = "Writes a version as a zip archive for model:import")
@Service
public final class ExportCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Reference
    private ShellFiles files;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", required = true, description = "Version or alias")
    @Completion(VersionCompleter.class)
    private String version;

    @Argument(index = 2, name = "archive", required = true, description = "Zip file to write inside the export"
            + " directory (pid io.merx.runtime, exportDirectory)")
    private String archive;

    @Option(name = "-f", aliases = "--force", description = "Replace the archive if it exists")
    private boolean force;

    @Override
    public Object execute() throws Exception {
        Path target = files.exports().newFile(archive, force);
        // Written beside the target and renamed, so a file that appeared meanwhile is still never replaced
        // without --force, and a failed export leaves no partial archive under the name.
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            runtime.exportArtifact(model, version, partial);
            if (force) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(partial, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("'" + archive + "' already exists; add --force to replace it");
        } finally {
            Files.deleteIfExists(partial);
        }
        System.out.println("Exported " + model + " " + version + " to " + files.exports().display(target)
                + " in the export directory");
        return null;
    }
}
