package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.merx.api.runtime.ModelRuntime;

/**
 * Attacks from issue 23 by a user with the documented {@code merx-operator} role, through the Karaf shell of the
 * real distribution: code execution through {@code deploy/}, overwriting and reading server files, a zip bomb
 * and a truncated archive. Each must be refused with a message that shows no server path and no file content.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends MerxTestSupport {

    private static final String DEMO = "example-linear-demo";
    private static final String OPERATOR = "merx-operator";

    /** A test publisher's Ed25519 key pair (openssl genpkey -algorithm ed25519), trusted by the container. */
    private static final String PUBLISHER_PUBLIC = "MCowBQYDK2VwAyEACddxNSzNVO0wR/CBLnp9vx7Db9s4q40Nf3/cDsZRh/g=";
    private static final String PUBLISHER_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIH3Cie5xeb4lxPhH2dcDdIn4cXzj6YX6DUQ0F1GcCAfI";

    @Override
    protected String bootFeatures() {
        return "merx-example-linear";
    }

    @Override
    @Configuration // not inherited with the method: without it Pax Exam runs none of this class's tests
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(editConfigurationFilePut("etc/io.merx.runtime.cfg", "requireSignedArtifacts", "true"));
        options.add(editConfigurationFilePut("etc/io.merx.runtime.cfg", "trustedPublisherKeys",
                "itest=" + PUBLISHER_PUBLIC));
        return options.toArray(new Option[0]);
    }

    @Test
    public void operatorCannotRunCodeThroughAnArtifactAndDeploy() throws Exception {
        ModelRuntime runtime = awaitDemo();
        Path exported = Files.createTempDirectory("security-it").resolve("demo.zip");
        runtime.exportArtifact(DEMO, "live", exported);
        // A bundle manifest and a class, both listed with their checksums in the uploader's own manifest.
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\nBundle-ManifestVersion: 2\n"
                + "Bundle-SymbolicName: merx.itest.evil\nBundle-Version: 1.0.0\n").getBytes(StandardCharsets.UTF_8));
        extra.put("evil/Activator.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        Path evil = merxData().resolve("imports").resolve("evil.zip");
        Files.createDirectories(evil.getParent());
        withExtraFiles(exported, evil, extra);

        String imported = refused("model:import -n evil " + evil);
        assertTrue(imported, imported.contains("which is code"));
        assertTrue("nothing imported: " + runtime.models(),
                runtime.models().stream().noneMatch(m -> m.name().equals("evil")));

        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        for (Path target : new Path[] {deploy.resolve("x.jar"), deploy.resolve("x.zip")}) {
            String export = refused("model:export " + DEMO + " live " + target);
            assertTrue(export, export.contains("is refused"));
            assertFalse("nothing written to " + target, Files.exists(target));
        }
        String relative = refused("model:export " + DEMO + " live ../../deploy/y.jar");
        assertTrue(relative, relative.contains("may not contain '..'"));
        assertFalse(Files.exists(deploy.resolve("y.jar")));
    }

    @Test
    public void exportNeverReplacesAFileUnlessForcedNorWritesOutsideItsDirectory() throws Exception {
        awaitDemo();
        Path exports = merxData().resolve("exports");
        Files.createDirectories(exports);
        Path existing = exports.resolve("existing.zip");
        Files.writeString(existing, "keep me");

        String over = refused("model:export " + DEMO + " live " + existing);
        assertTrue(over, over.contains("already exists; add --force"));
        assertEquals("keep me", Files.readString(existing));
        String forced = executeAs("model:export --force " + DEMO + " live existing.zip", OPERATOR);
        assertTrue(forced, forced.contains("Exported " + DEMO + " live to existing.zip"));
        try (ZipFile zip = new ZipFile(existing.toFile())) {
            assertTrue("replaced by the archive", zip.getEntry("manifest.json") != null);
        }

        Path etc = Path.of(System.getProperty("karaf.etc"));
        for (String outside : new String[] {etc.resolve("owned.cfg").toString(),
                Path.of(System.getProperty("karaf.base")).resolve("owned.zip").toString(), "/tmp/merx-owned.zip"}) {
            String message = refused("model:export " + DEMO + " live " + outside);
            assertTrue(message, message.contains("'" + outside + "' is refused"));
            assertFalse(outside, Files.exists(Path.of(outside)));
        }
    }

    @Test
    public void trainingOnASystemFileEchoesNothingOfIt() throws Exception {
        ModelRuntime runtime = awaitDemo();
        String message = refused("model:train -w leak example.linear /etc/passwd");
        assertTrue(message, message.contains("'/etc/passwd' is refused"));
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String user = line.split(":", 2)[0];
            if (!user.isBlank() && user.length() > 3) {
                assertFalse(message, message.contains(line) || message.contains(user + ":"));
            }
        }
        assertTrue("no job started", runtime.job("leak").isEmpty());
    }

    @Test
    public void zipBombIsRefusedBeforeItFillsTheDisk() throws Exception {
        awaitDemo();
        Path bomb = merxData().resolve("imports").resolve("bomb.zip");
        Files.createDirectories(bomb.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("weights.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1100; i++) { // 1.1 GB, above the 1 GiB default limit
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue("a small archive: " + Files.size(bomb), Files.size(bomb) < 16 << 20);

        Path staging = merxData().resolve("models").resolve(".staging");
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(size(staging), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        try {
            String message = refused("model:import " + bomb);
            assertTrue(message, message.contains("import limit"));
        } finally {
            done.set(true);
            watcher.join();
        }
        assertTrue("staging held " + peak.get() + " bytes", peak.get() < 16 << 20);
        assertEquals("staging cleaned", 0, size(staging));
    }

    @Test
    public void truncatedArchiveIsRefused() throws Exception {
        ModelRuntime runtime = awaitDemo();
        Path exported = Files.createTempDirectory("security-it").resolve("demo.zip");
        runtime.exportArtifact(DEMO, "live", exported);
        byte[] bytes = Files.readAllBytes(exported);
        Path cut = merxData().resolve("imports").resolve("cut.zip");
        Files.createDirectories(cut.getParent());
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40)); // the central directory's end

        String message = refused("model:import -n cut " + cut);
        assertTrue(message, message.contains("incomplete (its central directory is missing or cut)"));
        assertTrue(runtime.models().stream().noneMatch(m -> m.name().equals("cut")));
    }

    @Test
    public void editedWeightsWithARecomputedManifestDoNotImportWhenSigningIsEnforced() throws Exception {
        ModelRuntime runtime = awaitDemo();
        Path exported = Files.createTempDirectory("security-it").resolve("demo.zip");
        runtime.exportArtifact(DEMO, "live", exported);
        Path imports = merxData().resolve("imports");
        Files.createDirectories(imports);

        Path signed = imports.resolve("signed.zip");
        rewrite(exported, signed, false);
        String ok = executeAs("model:import -n signed " + signed, OPERATOR);
        assertTrue(ok, ok.contains("as signed version 1"));

        Path plain = imports.resolve("unsigned.zip");
        Files.copy(exported, plain);
        String unsigned = refused("model:import -n unsigned " + plain);
        assertTrue(unsigned, unsigned.contains("not signed"));
        Path tampered = imports.resolve("tampered.zip");
        rewrite(exported, tampered, true);
        String edited = refused("model:import -n tampered " + tampered);
        assertTrue(edited, edited.contains("changed after signing"));
        assertTrue(runtime.models().stream().noneMatch(m -> m.name().equals("tampered")));
    }

    /** Signs the archive's manifest as the test publisher; with {@code tamper}, edits a weight file afterwards. */
    private static void rewrite(Path source, Path target, boolean tamper) throws Exception {
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            byte[] manifest;
            try (InputStream stream = in.getInputStream(in.getEntry("manifest.json"))) {
                manifest = stream.readAllBytes();
            }
            java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
            signature.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(PUBLISHER_PRIVATE))));
            signature.update(manifest);
            byte[] sig = ("itest " + Base64.getEncoder().encodeToString(signature.sign()))
                    .getBytes(StandardCharsets.US_ASCII);
            boolean edited = false;
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (entry.getName().equals("manifest.json")) {
                    continue;
                }
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (tamper && !edited) {
                    byte[] changed = content.clone();
                    changed[changed.length - 1] ^= 1;
                    manifest = new String(manifest, StandardCharsets.UTF_8).replace(sha256(content), sha256(changed))
                            .getBytes(StandardCharsets.UTF_8);
                    content = changed;
                    edited = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
            }
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifest);
            out.putNextEntry(new ZipEntry("manifest.sig"));
            out.write(sig);
        }
    }

    @Test
    public void sftpDoesNotOpenTheKarafFolderToShellLogins() throws Exception {
        java.util.Properties shell = new java.util.Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"),
                "org.apache.karaf.shell.cfg"))) {
            shell.load(in);
        }
        assertEquals("false", shell.getProperty("sftpEnabled"));
    }

    /** Runs a command as an operator that must fail, and returns its message after checking it leaks nothing. */
    private String refused(String command) throws Exception {
        try {
            String output = executeAs(command, OPERATOR);
            fail(command + " succeeded: " + output);
            return output;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            assertFalse(message, message.contains(merxData().resolve("models").toString()));
            assertFalse(message, message.contains("cannot import: cannot import"));
            assertFalse(message, message.matches("(?s).*\\b(java|io\\.merx)\\.[a-z]+\\..*"));
            return message;
        }
    }

    private ModelRuntime awaitDemo() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        LiveModels.await(runtime, DEMO);
        return runtime;
    }

    private static Path merxData() {
        return Path.of(System.getProperty("karaf.data"), "merx");
    }

    /** Copies an archive, adding files and listing them with their SHA-256 in its manifest. */
    private static void withExtraFiles(Path source, Path target, Map<String, byte[]> extra) throws Exception {
        try (ZipFile in = new ZipFile(source.toFile());
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (entry.getName().equals("manifest.json")) {
                    StringBuilder listed = new StringBuilder("\"files\" : {");
                    for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                        listed.append("\n    \"").append(e.getKey()).append("\" : \"").append(sha256(e.getValue()))
                                .append("\",");
                    }
                    content = new String(content, StandardCharsets.UTF_8).replace("\"files\" : {", listed)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(f -> {
                try {
                    return Files.isRegularFile(f) ? Files.size(f) : 0;
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return 0;
        }
    }
}
