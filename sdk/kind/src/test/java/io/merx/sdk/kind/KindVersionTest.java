package io.merx.sdk.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/** A kind's version outside OSGi: from the manifest beside its classes, else 0.0.0. */
class KindVersionTest {

    @TempDir
    Path dir;

    @Test
    void versionDropsTheQualifier() {
        assertEquals("1.2.3", KindVersion.of(new Version(1, 2, 3, "SNAPSHOT")));
        assertEquals("1.0.0", KindVersion.of(Version.parseVersion("1")));
    }

    @Test
    void aClassesDirectoryGivesTheVersionBndWroteBesideIt() throws IOException {
        Files.createDirectories(dir.resolve("META-INF"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
            manifest("2.4.1.SNAPSHOT").write(out);
        }
        assertEquals(Optional.of("2.4.1"), KindVersion.ofManifestAt(dir));
    }

    @Test
    void aJarGivesItsBundleVersion() throws IOException {
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest("3.0.7.202612021200"))) {
            out.flush();
        }
        assertEquals(Optional.of("3.0.7"), KindVersion.ofManifestAt(jar));
    }

    @Test
    void noManifestOrNoBundleVersionGivesNothing() throws IOException {
        assertEquals(Optional.empty(), KindVersion.ofManifestAt(dir));
        Files.createDirectories(dir.resolve("META-INF"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
            manifest(null).write(out);
        }
        assertEquals(Optional.empty(), KindVersion.ofManifestAt(dir));
    }

    @Test
    void aClassOfTheSdkHasTheSdksVersionAndATestClassTheFallback() {
        // bnd-maven-plugin wrote target/classes/META-INF/MANIFEST.MF before the tests; test classes have none.
        assertEquals(KindVersion.ofManifestAt(Path.of("target/classes")).orElseThrow(),
                KindVersion.of(BaseKind.class));
        assertEquals("0.0.0", KindVersion.of(KindVersionTest.class));
    }

    @Test
    void aClassFromAJarHasTheJarsVersion() {
        // osgi.core 8.0.0's manifest says Bundle-Version 8.0.0.<timestamp>.
        assertEquals("8.0.0", KindVersion.of(Version.class));
    }

    private static Manifest manifest(String bundleVersion) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bundleVersion != null) {
            manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
        }
        return manifest;
    }
}
