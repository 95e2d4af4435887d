package io.merx.runtime.shell.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;

@Command(scope = "model", name = "list", description = "Lists models, or the versions of one model")
@Service
public final class ListCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", description = "Show the versions of this model")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        if (model == null) {
            table.column("Model");
            table.column("Kind");
            table.column("Versions");
            table.column("Aliases");
            table.column("Canary");
            table.column("Shadow");
            for (ModelSummary m : runtime.models()) {
                table.addRow().addContent(m.name(), m.kind(), String.join(",", m.versions()),
                        m.aliases().toString(), m.canary() == null ? "" : m.canary().version() + " "
                                + m.canary().percent() + "%", m.shadowVersion() == null ? "" : m.shadowVersion());
            }
        } else {
            table.column("Version");
            table.column("State");
            table.column("Aliases");
            table.column("Kind");
            table.column("Created");
            table.column("Requests");
            table.column("Errors");
            table.column("p50 ms");
            table.column("p99 ms");
            for (ModelVersionInfo v : runtime.versions(model)) {
                table.addRow().addContent(v.version(), v.state(), String.join(",", v.aliases()), v.kind(),
                        v.createdAt() == null ? "" : v.createdAt(), v.stats().requests(), v.stats().errors(),
                        String.format(Locale.ROOT, "%.3f", v.stats().p50Millis()),
                        String.format(Locale.ROOT, "%.3f", v.stats().p99Millis()));
            }
        }
        table.print(System.out);
        return null;
    }
}
