package io.merx.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start admin: random, stored as Karaf checks it, written once for the owner only. */
class InitialAdminTest {

    private static final String JAAS = String.join("\n", "encryption.enabled = true", "encryption.name = basic",
            "encryption.prefix = {CRYPT}", "encryption.suffix = {CRYPT}", "encryption.algorithm = SHA-512",
            "encryption.encoding = hexadecimal", "");

    @Test
    void createsAnAdminWhenNoMerxUserExists(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "#karaf = karaf,_g_:admingroup\n#_g_\\:admingroup = group,admin\n");
        Path jaas = dir.resolve("org.apache.karaf.jaas.cfg");
        Files.writeString(jaas, JAAS);
        Path passwordFile = dir.resolve("data/merx/initial-admin-password");

        Optional<Path> created = InitialAdmin.ensure(users, jaas, passwordFile);
        assertEquals(Optional.of(passwordFile), created);
        String password = Files.readString(passwordFile).trim();
        assertEquals(24, password.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));

        Properties entries = new Properties();
        try (var in = Files.newBufferedReader(users)) {
            entries.load(in);
        }
        String[] entry = entries.getProperty("merx-admin").split(",");
        assertEquals("merx-admin", entry[1]);
        assertTrue(entry[0].startsWith("{CRYPT}") && entry[0].endsWith("{CRYPT}"), entry[0]);
        assertFalse(Files.readString(users).contains(password), "no clear password in users.properties");
        String digest = entry[0].substring(7, entry[0].length() - 7);
        // Karaf's own check, as its properties login module runs it with this configuration.
        BasicEncryption karaf = new BasicEncryption(Map.of("algorithm", "SHA-512", "encoding", "hexadecimal"));
        assertTrue(karaf.checkPassword(password, digest));
        assertFalse(karaf.checkPassword(password + "x", digest));

        assertEquals(Optional.empty(), InitialAdmin.ensure(users, jaas, passwordFile), "only once");
        assertEquals(password, Files.readString(passwordFile).trim());
    }

    @Test
    void leavesExistingMerxUsersAlone(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "alice = pw,_g_:ops\n_g_\\:ops = group,merx-operator\n");
        assertEquals(Optional.empty(), InitialAdmin.ensure(users, dir.resolve("none.cfg"), dir.resolve("pw")));
        assertFalse(Files.exists(dir.resolve("pw")));
    }

    @Test
    void storesAsKarafExpectsWithoutEncryption(@TempDir Path dir) throws Exception {
        Properties disabled = new Properties();
        disabled.setProperty("encryption.enabled", "false");
        assertEquals("abc", InitialAdmin.store("abc", disabled));
        Properties base64 = new Properties();
        base64.load(new java.io.StringReader(JAAS.replace("hexadecimal", "base64").replace("SHA-512", "SHA-256")));
        String stored = InitialAdmin.store("abc", base64);
        BasicEncryption karaf = new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "base64"));
        assertTrue(karaf.checkPassword("abc", stored.substring(7, stored.length() - 7)));
    }
}
