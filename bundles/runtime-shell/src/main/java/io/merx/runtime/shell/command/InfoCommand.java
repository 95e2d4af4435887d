package io.merx.runtime.shell.command;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.api.FieldSpec;
import io.merx.api.events.EventService;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "info", description = "Shows provenance, metrics, inputs, state, traffic and online metrics of a version")
@Service
public final class InfoCommand implements Action {

    @Reference
    private ModelRuntime runtime;

    /** The events bundle, when installed: online metrics of the version. */
    @Reference(optional = true)
    private EventService events;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "version", description = "Version or alias (default live)")
    @Completion(VersionCompleter.class)
    private String version = ModelRuntime.LIVE;

    @Override
    public Object execute() throws Exception {
        ModelVersionInfo v = runtime.info(model, version);
        PrintStream out = System.out;
        out.printf("Model        %s version %s%n", v.model(), v.version());
        out.printf("State        %s%s%n", v.state(), v.failureReason() == null ? "" : ": " + v.failureReason());
        out.printf("Aliases      %s%n", String.join(", ", v.aliases()));
        out.printf("Kind         %s %s%n", v.kind(), v.kindRange());
        out.printf("Created      %s%n", v.createdAt());
        if (v.provenance() != null) {
            out.printf("Trained      %s with kind %s on %d rows (%s)%n", v.provenance().trainedAt(),
                    v.provenance().kindVersion(), v.provenance().dataRows(), v.provenance().dataFingerprint());
            out.printf("Parameters   %s%n", v.provenance().hyperParameters());
            out.printf("Metrics      %s%n", v.metrics());
            out.printf("Built with   Merx %s, Java %s, %s%n", v.provenance().merxVersion(),
                    v.provenance().javaVersion(), v.provenance().os());
        }
        if (v.inputSchema() != null) {
            out.println("Inputs");
            for (FieldSpec f : v.inputSchema().fields()) {
                out.printf("  %-12s %s%s%s %s%n", f.name(), f.type().name().toLowerCase(Locale.ROOT),
                        f.size() > 0 ? "[" + f.size() + "]" : "", f.required() ? "" : " (optional)", f.description());
            }
        }
        out.printf("Native mem   %d bytes%n", v.nativeMemoryBytes());
        out.printf(Locale.ROOT, "Traffic      %d requests, %d errors, p50 %.3f ms, p99 %.3f ms%n",
                v.stats().requests(), v.stats().errors(), v.stats().p50Millis(), v.stats().p99Millis());
        if (events != null) {
            OnlineFigures.lines(events.metrics(v.model()), v.version()).forEach(out::println);
        }
        return null;
    }
}
