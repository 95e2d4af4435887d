package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who published an artifact. Checksums in {@code manifest.json} prove the files are the ones it lists, not who
 * listed them; a publisher signs {@code manifest.json} (its exact bytes) with a private key, and the archive
 * carries {@code manifest.sig}: the publisher's name, a space and the Base64 signature. The runtime trusts the
 * public keys configured per publisher ({@code trustedPublisherKeys}); Ed25519 and RSA (SHA-256) keys are accepted.
 *
 * <p>A signature that names a trusted publisher but does not verify is always refused: the manifest was changed
 * after signing. When signatures are required, unsigned archives and unknown publishers are refused too; when they
 * are not, those import as unsigned.
 */
final class ArtifactSignature {

    static final String FILE_NAME = "manifest.sig";

    private final Map<String, PublicKey> trusted;
    private final boolean required;

    ArtifactSignature(Map<String, PublicKey> trusted, boolean required) {
        this.trusted = Map.copyOf(trusted);
        this.required = required;
    }

    /**
     * Parses {@code publisher=<Base64 X.509 public key>} entries, as {@code openssl pkey -pubout -outform DER}
     * writes them.
     *
     * @throws IllegalArgumentException naming the entry that is not such a key
     */
    static Map<String, PublicKey> parseKeys(String[] entries) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String publisher = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (publisher.isEmpty() || publisher.contains(" ")) {
                throw new IllegalArgumentException("trustedPublisherKeys entries are publisher=<Base64 public key>");
            }
            keys.put(publisher, publicKey(publisher, entry.substring(eq + 1).trim()));
        }
        return keys;
    }

    private static PublicKey publicKey(String publisher, String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted key of publisher '" + publisher + "' is not Base64");
        }
        for (String algorithm : new String[] {"Ed25519", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("trusted key of publisher '" + publisher
                + "' is not an Ed25519 or RSA public key in X.509 (DER) form");
    }

    /**
     * Checks the signature in an unpacked archive and removes its file, which the manifest does not list.
     *
     * @return the publisher whose trusted key verified the manifest, or empty for an accepted unsigned archive
     * @throws IOException when the archive is refused
     */
    Optional<String> verify(Path unpacked) throws IOException {
        Path file = unpacked.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new IOException("the archive is not signed, and this server accepts only artifacts signed by"
                        + " a trusted publisher");
            }
            return Optional.empty();
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ", 2);
        Files.delete(file);
        if (parts.length != 2) {
            throw new IOException(FILE_NAME + " must hold the publisher's name, a space and a Base64 signature");
        }
        PublicKey key = trusted.get(parts[0]);
        if (key == null) {
            if (required) {
                throw new IOException("the archive is signed by '" + parts[0] + "', who is not a trusted publisher"
                        + " on this server");
            }
            return Optional.empty();
        }
        byte[] manifest = Files.readAllBytes(unpacked.resolve(ArtifactManifest.FILE_NAME));
        if (!verifies(key, manifest, parts[1].trim())) {
            throw new IOException("the archive's signature by '" + parts[0] + "' does not match its "
                    + ArtifactManifest.FILE_NAME + ": it was changed after signing");
        }
        return Optional.of(parts[0]);
    }

    private static boolean verifies(PublicKey key, byte[] content, String base64) {
        try {
            Signature signature = Signature.getInstance(key.getAlgorithm().equals("RSA") ? "SHA256withRSA"
                    : "Ed25519");
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(Base64.getDecoder().decode(base64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
