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
        fx = new Fixture(dir, new RuntimeSettings(dir.resolve("store"), 64 * 1024, 64 * 1024, 1, 100, 0, false,
                java.util.Map.of(), false));
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

    @Test
    void codeInAnArtifactIsRefusedEvenWhenItsManifestListsIt() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        String manifest = Files.readString(dir.resolve("store/price/1/manifest.json"));
        String weights = Files.readString(dir.resolve("store/price/1/weights.txt"));
        String bundleManifest = "Manifest-Version: 1.0\nBundle-SymbolicName: evil\nBundle-Activator: evil.A\n";
        String classFile = new String(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0},
                StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> extra : Map.of("META-INF/MANIFEST.MF", bundleManifest, "evil/A.class",
                classFile, "weights2.bin", classFile, "run.sh", "echo owned").entrySet()) {
            String listed = manifest.replace("\"files\" : {", "\"files\" : {\n    \"" + extra.getKey() + "\" : \""
                    + sha256(extra.getValue()) + "\",");
            Path archive = zip("code.zip", Map.of("manifest.json", listed, "weights.txt", weights, extra.getKey(),
                    extra.getValue()));
            assertMessage(archive, "the archive holds '" + extra.getKey() + "', which is code");
        }
        assertEquals(java.util.List.of("1"), fx.runtime.models().get(0).versions(), "nothing was imported");
    }

    @Test
    void zipBombIsRefusedFromItsDeclaredSizeBeforeAnythingIsWritten() throws Exception {
        Path archive = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("weights.bin"));
            zip.write(new byte[1 << 20]);
            zip.closeEntry();
        }
        assertTrue(Files.size(archive) < 64 * 1024, "a small archive");
        try (var staging = Files.newDirectoryStream(dir.resolve("store/.staging"))) {
            assertTrue(!staging.iterator().hasNext());
        }
        assertMessage(archive, "declares that it expands to more than the import limit of 65536 bytes"
                + " (at entry weights.bin)");
        try (var staging = Files.newDirectoryStream(dir.resolve("store/.staging"))) {
            assertTrue(!staging.iterator().hasNext(), "staging deleted");
        }
    }

    @Test
    void entryThatExpandsBeyondItsDeclaredSizeIsStoppedThere() throws Exception {
        Path archive = zip("liar.zip", Map.of("manifest.json", "{}", "weights.txt", "0".repeat(60_000)));
        byte[] bytes = Files.readAllBytes(archive);
        // Declare 10 bytes for weights.txt in the central directory, which is what ZipFile believes.
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && new String(bytes, i + 46, 11, StandardCharsets.UTF_8).equals("weights.txt")) {
                bytes[i + 24] = 10;
                bytes[i + 25] = 0;
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
            }
        }
        Files.write(archive, bytes);
        assertMessage(archive, "weights.txt expands to more than the 10 bytes the archive declares");
    }

    @Test
    void truncatedArchiveIsRefused() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        Path good = dir.resolve("good.zip");
        fx.runtime.exportArtifact("price", "1", good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        assertMessage(cut, "incomplete (its central directory is missing or cut)");
        assertEquals(java.util.List.of("1"), fx.runtime.models().get(0).versions(), "nothing was imported");
    }

    @Test
    void messagesNameNoServerFileNorRepeatThemselves() throws Exception {
        fx.runtime.activate("price", fx.train("price", 3));
        String manifest = Files.readString(dir.resolve("store/price/1/manifest.json"));
        String weights = Files.readString(dir.resolve("store/price/1/weights.txt"));
        Path unknown = zip("upload-1234567.zip", Map.of("manifest.json",
                manifest.replace("\"kind\" : \"test.linear\"", "\"kind\" : \"nope.kind\""), "weights.txt", weights));
        IOException e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(unknown, null));
        assertEquals("kind 'nope.kind' [1.0,2) is not installed", e.getMessage());
        Path badType = zip("upload-1234567.zip", Map.of("manifest.json", manifest.replace("\"VECTOR\"", "\"FLOAT\""),
                "weights.txt", weights));
        e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(badType, null));
        assertTrue(e.getMessage().startsWith("bad manifest: field type 'FLOAT' is not one of"), e.getMessage());
        Path notZip = dir.resolve("upload-1234567.zip");
        Files.writeString(notZip, "hello");
        e = assertThrows(IOException.class, () -> fx.runtime.importArtifact(notZip, null));
        for (String leak : java.util.List.of("upload-1234567", dir.toString(), "java.", "io.merx", "cannot import")) {
            assertTrue(!e.getMessage().contains(leak), e.getMessage());
        }
    }

    private static String sha256(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.ISO_8859_1)));
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
                zip.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return file;
    }
}
