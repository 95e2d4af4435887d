package io.merx.runtime.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelRuntime;

/** Completes installed kind names. */
@Service
public final class KindCompleter implements Completer {

    @Reference
    private ModelRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter kinds = new StringsCompleter();
        runtime.kinds().stream().map(KindInfo::name).forEach(kinds.getStrings()::add);
        return kinds.complete(session, commandLine, candidates);
    }
}
