package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23, item 3: an edited weight file with a recomputed manifest must not import when signing is enforced. */
class ArtifactSignatureTest {

    @TempDir
    Path dir;
    Fixture source;
    Fixture target;
    final KeyPair acme = keyPair("Ed25519");
    final KeyPair mallory = keyPair("Ed25519");

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void enforcedSigningAcceptsTrustedPublishersOnly() throws Exception {
        Path exported = exportedVersion();
        String publicKey = "acme=" + Base64.getEncoder().encodeToString(acme.getPublic().getEncoded());
        target = new Fixture(dir.resolve("target"), settings(dir.resolve("target/store"),
                ArtifactSignature.parseKeys(new String[] {publicKey}), true));

        assertRefused(exported, "the archive is not signed");
        assertEquals("1", target.runtime.importArtifact(signed(exported, "acme", acme.getPrivate(), null), "m")
                .version());
        assertRefused(signed(exported, "mallory", mallory.getPrivate(), null), "'mallory', who is not a trusted");
        // The attack from the issue: edit a weight, recompute the checksum in the manifest, keep the signature.
        Path tampered = signed(exported, "acme", acme.getPrivate(), "weights.txt");
        assertRefused(tampered, "does not match its manifest.json: it was changed after signing");
        assertEquals(List.of("1"), target.runtime.versions("m").stream().map(v -> v.version()).toList());
    }

    @Test
    void withoutEnforcementUnsignedImportsButABadSignatureOfATrustedPublisherDoesNot() throws Exception {
        Path exported = exportedVersion();
        String publicKey = "acme=" + Base64.getEncoder().encodeToString(acme.getPublic().getEncoded());
        target = new Fixture(dir.resolve("target"), settings(dir.resolve("target/store"),
                ArtifactSignature.parseKeys(new String[] {publicKey}), false));
        assertEquals("1", target.runtime.importArtifact(exported, "m").version());
        assertRefused(signed(exported, "acme", acme.getPrivate(), "weights.txt"), "changed after signing");
    }

    @Test
    void keysThatAreNotPublicKeysAreRefusedWhenConfigured() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactSignature.parseKeys(new String[] {"acme=bm90IGEga2V5"}));
        assertTrue(e.getMessage().contains("publisher 'acme'"), e.getMessage());
    }

    private Path exportedVersion() throws Exception {
        source = new Fixture(dir.resolve("source"), settings(dir.resolve("source/store"), Map.of(), false));
        source.runtime.activate("price", source.train("price", 3));
        Path exported = dir.resolve("price.zip");
        source.runtime.exportArtifact("price", "1", exported);
        return exported;
    }

    private static RuntimeSettings settings(Path store, Map<String, java.security.PublicKey> keys, boolean required) {
        return new RuntimeSettings(store, 1 << 20, 1 << 20, 1, 100, 0, false, keys, required);
    }

    private void assertRefused(Path archive, String expected) {
        IOException e = assertThrows(IOException.class, () -> target.runtime.importArtifact(archive, "m"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** The archive with manifest.sig added; with {@code edit}, that file is changed after signing. */
    private Path signed(Path archive, String publisher, PrivateKey key, String edit) throws Exception {
        Path out = Files.createTempFile(dir, "signed", ".zip");
        try (ZipFile in = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(out);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            byte[] manifest = read(in, ArtifactManifest.FILE_NAME);
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(manifest);
            String sig = publisher + " " + Base64.getEncoder().encodeToString(signature.sign());
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content = read(in, entry.getName());
                if (entry.getName().equals(edit)) {
                    byte[] edited = (new String(content, StandardCharsets.UTF_8) + "9\n")
                            .getBytes(StandardCharsets.UTF_8);
                    manifest = new String(manifest, StandardCharsets.UTF_8).replace(sha256(content), sha256(edited))
                            .getBytes(StandardCharsets.UTF_8);
                    content = edited;
                }
                put(zip, entry.getName(), entry.getName().equals(ArtifactManifest.FILE_NAME) ? null : content);
            }
            put(zip, ArtifactManifest.FILE_NAME, manifest);
            put(zip, ArtifactSignature.FILE_NAME, sig.getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        if (content != null) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static KeyPair keyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
