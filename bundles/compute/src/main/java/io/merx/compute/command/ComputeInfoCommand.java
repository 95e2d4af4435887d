package io.merx.compute.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.merx.compute.ComputeBackend;

/** {@code merx:compute}: shows which backend ND4J runs on and how much native memory it holds. */
@Command(scope = "merx", name = "compute", description = "Shows the ND4J compute backend, threads and native memory")
@Service
public final class ComputeInfoCommand implements Action {

    @Reference
    private ComputeBackend compute;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Property");
        table.column("Value");
        table.addRow().addContent("backend", compute.backend());
        table.addRow().addContent("blas", compute.blasVendor());
        table.addRow().addContent("threads", compute.threads());
        compute.devices().forEach(device -> table.addRow().addContent("device", device));
        table.addRow().addContent("off-heap in use", String.format("%.1f MiB", compute.offHeapBytes() / 1048576.0));
        table.addRow().addContent("off-heap limit", String.format("%.1f MiB", compute.maxOffHeapBytes() / 1048576.0));
        table.addRow().addContent("init", compute.initMillis() + " ms");
        table.addRow().addContent("nd4j", compute.nd4jVersion());
        table.print(System.out);
        return null;
    }
}
