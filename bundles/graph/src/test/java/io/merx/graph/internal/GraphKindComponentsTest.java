package io.merx.graph.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each graph kind's component description, as bnd wrote it, binds Neo4j optionally and dynamically: the
 * reference is declared once on {@link GraphKind}, and only {@code -dsannotations-options: inherit} in the
 * shared bnd instructions (root pom) makes bnd see it. Without it the kinds would start without ever receiving Neo4j, and every training would
 * wait for it in vain.
 */
class GraphKindComponentsTest {

    @ParameterizedTest
    @ValueSource(classes = {CopurchaseKind.class, EmbeddingKind.class, FraudKind.class})
    void neo4jIsBoundOptionallyAndDynamically(Class<?> kind) throws Exception {
        String component;
        try (InputStream in = kind.getResourceAsStream("/OSGI-INF/" + kind.getName() + ".xml")) {
            assertNotNull(in, "bnd wrote no component description for " + kind.getSimpleName());
            component = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(component.contains("interface=\"io.merx.graph.GraphStore\"")
                && component.contains("cardinality=\"0..1\"") && component.contains("policy=\"dynamic\"")
                && component.contains("bind=\"bindStore\"") && component.contains("unbind=\"unbindStore\""),
                component);
    }
}
