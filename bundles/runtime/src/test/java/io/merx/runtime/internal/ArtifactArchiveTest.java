package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.runtime.ModelVersionInfo;

class ArtifactArchiveTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(dir, new RuntimeSettings(dir.resolve("store"), 64 * 1024, 1, 100, 0, false));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void exportedVersionImportsUnderAnotherNameAndScoresTheSame() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        Path archive = dir.resolve("out/price-1.zip");
        fx.runtime.exportArtifact("price", "live", archive);

        ModelVersionInfo imported = fx.runtime.importArtifact(archive, "price-copy");

        assertEquals("price-copy", imported.model());
        assertEquals("1", imported.version());
        fx.runtime.activate("price-copy", "1");
        assertEquals(fx.runtime.score("price", Fixture.request(null, 0.2, 0.4)).result().outputs(),
                fx.runtime.score("price-copy", Fixture.request(null, 0.2, 0.4)).result().outputs());
        assertEquals("2", fx.runtime.importArtifact(archive, null).version(), "same name gets the next version");
    }

    @Test
    void zipSlipIsRejected() throws Exception {
        Path archive = zip("evil.zip", Map.of("manifest.json", "{}", "../../outside.txt", "owned"));
        IOException e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(archive, null));
        assertTrue(e.getMessage().contains("unsafe path"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("outside.txt")));
        assertTrue(Files.notExists(dir.resolve("store/outside.txt")));
    }

    @Test
    void oversizeArchiveIsRejected() throws Exception {
        Path archive = zip("big.zip", Map.of("manifest.json", "{}", "weights.txt", "0".repeat(200_000)));
        IOException e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(archive, null));
        assertTrue(e.getMessage().contains("import limit of 65536"), e.getMessage());
    }

    @Test
    void unknownKindBadManifestAndTamperedFilesAreRejected() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        Path good = dir.resolve("good.zip");
        fx.runtime.exportArtifact("price", "1", good);
        String manifest = new String(Files.readAllBytes(dir.resolve("store/price/1/manifest.json")),
                StandardCharsets.UTF_8);
        String weights = Files.readString(dir.resolve("store/price/1/weights.txt"));

        Path unknown = zip("unknown.zip", Map.of("manifest.json",
                manifest.replace("\"kind\" : \"test.linear\"", "\"kind\" : \"nope.kind\""), "weights.txt", weights));
        assertMessage(unknown, "kind 'nope.kind' [1.0,2) is not installed");

        Path bad = zip("bad.zip", Map.of("manifest.json", "{\"format\": 1, \"name\": \"x\"}"));
        assertMessage(bad, "bad manifest");

        Path tampered = zip("tampered.zip", Map.of("manifest.json", manifest, "weights.txt", weights + "2\n"));
        assertMessage(tampered, "checksum mismatch for weights.txt");

        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "hello");
        assertMessage(notZip, "not a zip file");
        assertEquals(java.util.List.of("1"), fx.runtime.models().get(0).versions(), "nothing was imported");
    }

    private void assertMessage(Path archive, String expected) {
        IOException e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(archive, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
