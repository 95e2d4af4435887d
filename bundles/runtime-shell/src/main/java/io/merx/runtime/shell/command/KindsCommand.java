package io.merx.runtime.shell.command;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelRuntime;

@Command(scope = "model", name = "kinds", description = "Lists installed model kinds and their hyper-parameters")
@Service
public final class KindsCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Version");
        table.column("Description");
        table.column("Hyper-parameters (default)");
        for (KindInfo kind : runtime.kinds()) {
            table.addRow().addContent(kind.name(), kind.version(), kind.description(), kind.parameters().stream()
                    .map(p -> p.name() + "=" + p.defaultValue()).collect(Collectors.joining(" ")));
        }
        table.print(System.out);
        return null;
    }
}
