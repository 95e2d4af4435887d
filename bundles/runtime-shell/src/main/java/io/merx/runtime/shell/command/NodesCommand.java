package io.merx.runtime.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;

@Command(scope = "model", name = "nodes",
        description = "Lists the serving nodes (in a cluster, every node that heartbeats) with the live version each"
                + " serves per model and how many revisions it is behind")
@Service
public final class NodesCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", description = "Show only this model")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Node");
        table.column("Address");
        table.column("Heartbeat");
        table.column("Converged");
        table.column("Model");
        table.column("Live");
        table.column("Revision");
        table.column("Lag");
        Instant now = Instant.now();
        for (ClusterNode node : runtime.clusterNodes()) {
            String age = JobTimes.duration(Duration.between(node.heartbeatAt(), now).abs()) + " ago";
            String converged = node.converged() ? "yes" : "no";
            boolean any = false;
            for (Map.Entry<String, ClusterNode.ServedModel> m : node.models().entrySet()) {
                if (model != null && !model.equals(m.getKey())) {
                    continue;
                }
                ClusterNode.ServedModel served = m.getValue();
                table.addRow().addContent(node.name(), node.address(), age, converged, m.getKey(),
                        served.liveVersion() == null ? "" : served.liveVersion(), served.revision(), served.lag());
                any = true;
            }
            if (!any) {
                table.addRow().addContent(node.name(), node.address(), age, converged, "", "", "", "");
            }
        }
        table.print(System.out);
        return null;
    }
}
