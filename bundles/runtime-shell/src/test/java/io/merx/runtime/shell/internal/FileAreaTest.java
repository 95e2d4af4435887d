package io.merx.runtime.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAreaTest {

    @TempDir
    Path dir;
    Path datasets;
    Path deploy;
    FileArea area;

    @BeforeEach
    void setUp() throws Exception {
        datasets = Files.createDirectories(dir.resolve("data/datasets"));
        deploy = Files.createDirectories(dir.resolve("deploy"));
        area = new FileArea("a data set", List.of(datasets), List.of(deploy));
        Files.writeString(datasets.resolve("houses.csv"), "sqm,price\n1,2\n");
        Files.writeString(dir.resolve("secret.txt"), "root:x:0:0");
    }

    @Test
    void relativeAndAbsoluteNamesInsideAreAccepted() throws Exception {
        assertEquals(datasets.resolve("houses.csv").toRealPath(), area.existingFile("houses.csv"));
        assertEquals(datasets.resolve("houses.csv").toRealPath(),
                area.existingFile(datasets.resolve("houses.csv").toString()));
        assertEquals("houses.csv", area.display(area.existingFile("houses.csv")));
    }

    @Test
    void pathsOutsideDotDotAndSymlinksOutAreRefusedWithoutContent() throws Exception {
        Files.createSymbolicLink(datasets.resolve("link.csv"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(datasets.resolve("sub"), dir);
        for (String given : List.of(dir.resolve("secret.txt").toString(), "../../secret.txt", "link.csv",
                "sub/secret.txt", "/etc/passwd", "missing.csv", datasets + "/../../secret.txt")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> area.existingFile(given),
                    given);
            assertTrue(e.getMessage().contains("'" + given + "' is refused"), e.getMessage());
            assertFalse(e.getMessage().contains("root:x"), e.getMessage());
        }
    }

    @Test
    void karafCodeDirectoriesStayOutOfReachEvenInsideARoot() throws Exception {
        FileArea wide = new FileArea("an archive to export", List.of(dir), List.of(deploy));
        assertThrows(IllegalArgumentException.class, () -> wide.newFile("deploy/x.jar", false));
        assertThrows(IllegalArgumentException.class, () -> wide.newFile(deploy.resolve("x.jar").toString(), true));
        FileArea rootIsDeploy = new FileArea("an archive to export", List.of(deploy), List.of(deploy));
        assertThrows(IllegalArgumentException.class, () -> rootIsDeploy.newFile("x.jar", false));
    }

    @Test
    void newFileNeverReplacesWithoutOverwriteNorWritesThroughALink() throws Exception {
        FileArea exports = new FileArea("an archive to export", List.of(datasets), List.of(deploy));
        assertEquals(datasets.toRealPath().resolve("new.zip"), exports.newFile("new.zip", false));
        IllegalArgumentException exists = assertThrows(IllegalArgumentException.class,
                () -> exports.newFile("houses.csv", false));
        assertTrue(exists.getMessage().contains("--force"), exists.getMessage());
        assertEquals(datasets.toRealPath().resolve("houses.csv"), exports.newFile("houses.csv", true));

        Files.createSymbolicLink(datasets.resolve("out.zip"), dir.resolve("secret.txt"));
        assertThrows(IllegalArgumentException.class, () -> exports.newFile("out.zip", true));
        assertThrows(IllegalArgumentException.class, () -> exports.newFile(dir.resolve("x.zip").toString(), true));
        assertThrows(IllegalArgumentException.class, () -> exports.newFile("nodir/x.zip", false));
    }
}
