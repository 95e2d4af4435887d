package io.merx.runtime.shell.command;

import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.ModelRuntime;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "activate",
        description = "Points live at a version: load, warm up, switch, drain the old one")
@Service
public final class ActivateCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", required = true, description = "Version to serve")
    @Completion(VersionCompleter.class)
    private String version;

    @Option(name = "--wait", description = "Wait up to this many seconds until every live node of a cluster serves"
            + " the version, and say which do not")
    private int waitSeconds;

    @Override
    public Object execute() throws Exception {
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--wait must be a number of seconds, got " + waitSeconds);
        }
        runtime.activate(model, version);
        System.out.println(model + " live -> version " + version);
        if (waitSeconds > 0) {
            report(runtime.awaitConverged(model, Duration.ofSeconds(waitSeconds)));
        }
        return null;
    }

    private void report(List<ClusterNode> nodes) {
        List<ClusterNode> behind = nodes.stream().filter(n -> !n.upToDate(model)).toList();
        if (behind.isEmpty()) {
            System.out.println("every node serves it (" + nodes.size() + (nodes.size() == 1 ? " node)" : " nodes)"));
            return;
        }
        System.out.println("not every node serves it after " + waitSeconds + " s:");
        for (ClusterNode node : behind) {
            ClusterNode.ServedModel served = node.models().get(model);
            System.out.println("  " + node.name() + (served == null ? ": does not serve the model yet"
                    : ": live " + served.liveVersion() + ", " + served.lag() + " revision(s) behind"));
        }
    }
}
