package io.merx.rest.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: when {@code etc/users.properties} holds no user with a {@code merx-*} role, adds user
 * {@code merx-admin} with a random password, stored the way Karaf's JAAS properties module checks it (digested
 * as {@code etc/org.apache.karaf.jaas.cfg} says when encryption is enabled, as the Merx distribution ships it),
 * and writes the clear password once to {@code ${karaf.data}/merx/initial-admin-password}, readable by the owner
 * only. A distribution therefore never has a default password.
 */
@Component(configurationPid = RestSettings.PID, immediate = true)
public final class InitialAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    static final String USER = "merx-admin";
    private static final String GROUP_PREFIX = "_g_:";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    @Activate
    public InitialAdmin(RestConfig config) {
        if (!config.createInitialAdmin()) {
            return;
        }
        String etc = System.getProperty("karaf.etc");
        if (etc == null || etc.isBlank()) {
            LOG.debug("Not inside Karaf (no karaf.etc): no initial admin");
            return;
        }
        Path passwordFile = RestSettings.karafData().resolve("merx").resolve("initial-admin-password");
        try {
            ensure(Path.of(etc, "users.properties"), Path.of(etc, "org.apache.karaf.jaas.cfg"), passwordFile)
                    .ifPresent(file -> LOG.warn("Created Merx user '{}' with a random password, written to {}"
                            + " (owner-only). Change it (jaas:realm-manage --realm karaf, jaas:user-delete,"
                            + " jaas:user-add, jaas:update, or etc/users.properties) and delete the file.", USER,
                            file));
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not create the initial Merx admin user: {}", e.getMessage(), e);
        }
    }

    /**
     * Adds the admin user when no Merx user exists.
     *
     * @return the file holding the clear password, when a user was added
     */
    static Optional<Path> ensure(Path users, Path jaasConfig, Path passwordFile) throws IOException {
        Properties entries = load(users);
        if (hasMerxUser(entries)) {
            return Optional.empty();
        }
        if (entries.containsKey(USER)) {
            LOG.warn("User '{}' exists without a merx-* role; not creating an initial admin", USER);
            return Optional.empty();
        }
        String password = randomPassword();
        String stored = store(password, load(jaasConfig));
        Files.createDirectories(passwordFile.getParent());
        Files.deleteIfExists(passwordFile);
        try {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(passwordFile);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process created " + passwordFile + " meanwhile", e);
        }
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        String line = System.lineSeparator() + "# Added by Merx on first start; initial password in " + passwordFile
                + System.lineSeparator() + USER + " = " + stored + ",merx-admin" + System.lineSeparator();
        Files.writeString(users, line, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return Optional.of(passwordFile);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /** Whether a user holds a merx-* role, directly or through a group. */
    static boolean hasMerxUser(Properties entries) {
        Map<String, Boolean> merxGroups = new HashMap<>();
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith(GROUP_PREFIX)) {
                merxGroups.put(key, hasMerxRole(entries.getProperty(key)));
            }
        }
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith(GROUP_PREFIX)) {
                continue;
            }
            String[] parts = entries.getProperty(key).split(",");
            for (int i = 1; i < parts.length; i++) {
                String role = parts[i].trim();
                if (role.startsWith("merx-") || merxGroups.getOrDefault(role, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasMerxRole(String groupValue) {
        for (String role : groupValue.split(",")) {
            if (role.trim().startsWith("merx-")) {
                return true;
            }
        }
        return false;
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    /**
     * The password as Karaf's properties login module checks it: digested with the configured algorithm and
     * encoding between prefix and suffix when basic encryption is enabled, else as is.
     */
    static String store(String password, Properties jaas) {
        boolean enabled = Boolean.parseBoolean(jaas.getProperty("encryption.enabled", "false").trim());
        String name = jaas.getProperty("encryption.name", "basic").trim();
        if (!enabled) {
            LOG.warn("Karaf password encryption is disabled (etc/org.apache.karaf.jaas.cfg); the initial admin"
                    + " password is stored in clear in users.properties");
            return password;
        }
        if (!name.isEmpty() && !name.equals("basic")) {
            throw new IllegalStateException("encryption.name=" + name + " in org.apache.karaf.jaas.cfg: only basic"
                    + " can be written by Merx; add the user with jaas:user-add instead");
        }
        String algorithm = jaas.getProperty("encryption.algorithm", "SHA-256").trim();
        String encoding = jaas.getProperty("encryption.encoding", "hexadecimal").trim().toLowerCase(Locale.ROOT);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance(algorithm).digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("unknown encryption.algorithm " + algorithm, e);
        }
        String encoded = encoding.equals("base64") ? Base64.getEncoder().encodeToString(digest)
                : HexFormat.of().formatHex(digest);
        return jaas.getProperty("encryption.prefix", "").trim() + encoded
                + jaas.getProperty("encryption.suffix", "").trim();
    }
}
