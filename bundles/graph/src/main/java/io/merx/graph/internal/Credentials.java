package io.merx.graph.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded server: generated on first start and kept, readable by the owner only, next to
 * the store, so the embedded Neo4j never runs without authentication or with a well-known password.
 */
final class Credentials {

    static final String FILE = "password";

    private Credentials() {
    }

    /** Reads the password file in {@code directory}, creating it with a random password the first time. */
    static String embeddedPassword(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
