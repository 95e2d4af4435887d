package io.merx.runtime.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;

/** Completes the versions and aliases of the model named by the command's first argument. */
@Service
public final class VersionCompleter implements Completer {

    @Reference
    private ModelRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String model = firstArgument(commandLine);
        StringsCompleter versions = new StringsCompleter();
        for (ModelSummary summary : runtime.models()) {
            if (summary.name().equals(model)) {
                versions.getStrings().addAll(summary.versions());
                versions.getStrings().addAll(summary.aliases().keySet());
            }
        }
        return versions.complete(session, commandLine, candidates);
    }

    /** The first word after the command name that is not an option. */
    static String firstArgument(CommandLine commandLine) {
        String[] words = commandLine.getArguments();
        for (int i = 1; i < words.length && i < commandLine.getCursorArgumentIndex(); i++) {
            if (!words[i].startsWith("-")) {
                return words[i];
            }
        }
        return null;
    }
}
