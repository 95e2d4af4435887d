package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.VersionState;
import io.merx.testkit.LinearTestKind;

class StoreAndRegistryTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void manifestKeepsTheSchemasVariants() throws Exception {
        fx.train("price", 3);
        ArtifactManifest stored = ManifestCodec.read(Files.readAllBytes(dir.resolve("store/price/1/manifest.json")));
        InputSchema schema = new InputSchema(List.of(FieldSpec.required("type", FieldType.STRING, "what"),
                FieldSpec.optional("product", FieldType.STRING, "which")), false)
                .withVariant("type", "elasticity", "product").withVariant("type", "optimize");
        ArtifactManifest withVariants = new ArtifactManifest(stored.name(), stored.version(), stored.kind(),
                stored.kindRange(), stored.createdAt(), stored.provenance(), schema, stored.warmup(), stored.files());

        assertEquals(schema, ManifestCodec.read(ManifestCodec.write(withVariants)).inputSchema());
        assertEquals(stored.inputSchema(), ManifestCodec.read(ManifestCodec.write(stored)).inputSchema(),
                "a schema without variants reads back as before");
    }

    @Test
    void storedVersionHasManifestWithChecksumsAndLoadsAfterRestart() throws Exception {
        String v1 = fx.train("price", 3);
        fx.runtime.activate("price", v1);
        double before = fx.runtime.score("price", Fixture.request("u1", 0.3, 0.6)).result().number("score");
        Path versionDir = dir.resolve("store/price/1");
        ArtifactManifest manifest = ManifestCodec.read(Files.readAllBytes(versionDir.resolve("manifest.json")));
        assertEquals(Map.of(LinearTestKind.FILE, AtomicFiles.sha256(versionDir.resolve(LinearTestKind.FILE))),
                manifest.files());
        assertEquals("[1.0,2)", manifest.kindRange());
        assertEquals(1, manifest.warmup().size());

        fx.restart();

        ModelVersionInfo info = fx.runtime.info("price", "live");
        assertEquals(v1, info.version());
        assertEquals(manifest.provenance().dataFingerprint(), info.provenance().dataFingerprint());
        assertEquals(before, fx.runtime.score("price", Fixture.request("u1", 0.3, 0.6)).result().number("score"));
    }

    @Test
    void tamperedVersionFailsAndIsNeverServed() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        fx.runtime.close();
        Files.writeString(dir.resolve("store/price/1").resolve(LinearTestKind.FILE), "1.5\n",
                StandardOpenOption.APPEND);
        fx.restart();

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> fx.runtime.score("price", Fixture.request(null, 0, 0)));

        assertTrue(e.getMessage().contains("checksum mismatch for weights.txt"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "operational errors carry no trace");
        ModelVersionInfo info = fx.runtime.info("price", "1");
        assertEquals(VersionState.FAILED, info.state());
        assertTrue(info.failureReason().contains("checksum mismatch"), info.failureReason());
        assertTrue(fx.kind.loaded().size() == 1, "the tampered file never reached the kind");
    }

    @Test
    void registrySurvivesRestartWithAliasesCanaryAndShadow() throws Exception {
        String v1 = fx.train("price", 3);
        String v2 = fx.train("price", 5);
        String v3 = fx.train("price", 4);
        fx.runtime.activate("price", v1);
        fx.runtime.setAlias("price", "staging", v2);
        fx.runtime.setCanary("price", v3, 30);
        fx.runtime.activate("price", v2);
        // Leftovers of a write that a kill -9 interrupted: a temp registry and a half-written version.
        Files.writeString(dir.resolve("store/.registry.json.1234.tmp"), "{ garbage");
        Files.createDirectories(dir.resolve("store/.staging/abc"));
        Files.writeString(dir.resolve("store/.staging/abc/weights.txt"), "half");

        fx.restart();

        var summary = fx.runtime.models().get(0);
        assertEquals(Map.of("live", v2, "staging", v2), summary.aliases());
        assertEquals(v3, summary.canary().version());
        assertEquals(30, summary.canary().percent());
        assertEquals(v2, fx.runtime.score("price", "staging", Fixture.request(null, 0, 0)).version());
        assertEquals(v1, fx.runtime.rollback("price").version(), "rollback history survives too");
        assertTrue(Files.notExists(dir.resolve("store/.staging/abc")));
        assertEquals(java.util.List.of("1", "2", "3"), summary.versions());
    }

    @Test
    void modelNamesCannotEscapeTheStore() {
        for (String bad : new String[] {"../etc", "a/b", "", "A", ".hidden", "a..b", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> Names.model(bad), bad);
        }
        assertEquals("churn-v2.eu_1", Names.model("churn-v2.eu_1"));
    }
}
