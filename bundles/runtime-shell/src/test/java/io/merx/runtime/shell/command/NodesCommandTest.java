package io.merx.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.Test;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.ModelRuntime;

/** model:nodes and model:activate --wait over a runtime that reports two nodes, one of them behind. */
class NodesCommandTest {

    private static final Instant NOW = Instant.now();
    private final List<String> calls = new ArrayList<>();
    private final List<ClusterNode> nodes = List.of(
            new ClusterNode("n1", "http://10.0.0.1:8181", NOW, true,
                    Map.of("price", new ClusterNode.ServedModel("4", 9, 0))),
            new ClusterNode("n2", "http://10.0.0.2:8181", NOW.minusSeconds(3), false,
                    Map.of("price", new ClusterNode.ServedModel("3", 8, 1))));

    private ModelRuntime runtime() {
        return (ModelRuntime) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ModelRuntime.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? List.of() : List.of(args)));
                    return switch (method.getName()) {
                        case "clusterNodes", "awaitConverged" -> nodes;
                        default -> null;
                    };
                });
    }

    private String run(Action command, Map<String, Object> fields) throws Exception {
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Field field = command.getClass().getDeclaredField(f.getKey());
            field.setAccessible(true);
            field.set(command, f.getValue());
        }
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryNodeWithWhatItServesAndItsLag() throws Exception {
        String text = run(new NodesCommand(), Map.of("runtime", runtime()));
        String[] lines = text.split("\\R");
        assertTrue(lines[0].matches("Node\\s*\\|\\s*Address\\s*\\|\\s*Heartbeat\\s*\\|\\s*Converged\\s*\\|\\s*Model.*"),
                text);
        assertTrue(text.matches("(?s).*n1\\s*\\|\\s*http://10.0.0.1:8181\\s*\\|.*\\|\\s*yes\\s*\\|\\s*price\\s*\\|\\s*4"
                + "\\s*\\|\\s*9\\s*\\|\\s*0.*"), text);
        assertTrue(text.matches("(?s).*n2\\s*\\|.*\\|\\s*no\\s*\\|\\s*price\\s*\\|\\s*3\\s*\\|\\s*8\\s*\\|\\s*1.*"),
                text);
    }

    @Test
    void activateWithWaitNamesTheNodesBehind() throws Exception {
        String text = run(new ActivateCommand(),
                Map.of("runtime", runtime(), "model", "price", "version", "4", "waitSeconds", 5));
        assertEquals("price live -> version 4\nnot every node serves it after 5 s:\n"
                + "  n2: live 3, 1 revision(s) behind\n", text.replace("\r\n", "\n"));
        assertEquals("awaitConverged[price, PT5S]", calls.get(1));
    }

    @Test
    void activateWithoutWaitDoesNotWait() throws Exception {
        run(new ActivateCommand(), Map.of("runtime", runtime(), "model", "price", "version", "4"));
        assertEquals(List.of("activate[price, 4]"), calls);
    }
}
