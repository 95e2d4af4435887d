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

/** Completes model names. */
@Service
public final class ModelNameCompleter implements Completer {

    @Reference
    private ModelRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        runtime.models().stream().map(ModelSummary::name).forEach(names.getStrings()::add);
        return names.complete(session, commandLine, candidates);
    }
}
