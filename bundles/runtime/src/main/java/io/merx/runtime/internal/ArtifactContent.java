package io.merx.runtime.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What a model artifact may hold: the kind's data files and {@code manifest.json}, never code. An archive is a zip,
 * and a zip with {@code META-INF/MANIFEST.MF} and classes is a bundle; if one ever reached Karaf's {@code deploy/}
 * it would run. So names and content that make an archive executable are refused at import, whatever the
 * uploader's manifest lists: {@code META-INF/} and {@code WEB-INF/} anywhere, code and script extensions, and files
 * that start like a class file, a native library or a script.
 */
final class ArtifactContent {

    private static final List<String> CODE_DIRECTORIES = List.of("meta-inf", "web-inf", "osgi-inf");
    private static final List<String> CODE_EXTENSIONS = List.of(".class", ".jar", ".war", ".ear", ".kar", ".esa",
            ".so", ".dll", ".dylib", ".jnilib", ".exe", ".sh", ".bat", ".cmd", ".ps1", ".py", ".js", ".jsp", ".groovy");
    /** Magic numbers: class file, ELF, Mach-O (both byte orders), script. */
    private static final byte[][] CODE_MAGIC = {
        {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
        {0x7F, 'E', 'L', 'F'},
        {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
        {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
        {'#', '!'},
    };

    private ArtifactContent() {
    }

    /** @throws IOException when the entry name is one that carries code */
    static void checkName(String entryName) throws IOException {
        String name = entryName.toLowerCase(Locale.ROOT);
        for (String segment : name.split("/")) {
            if (CODE_DIRECTORIES.contains(segment)) {
                throw refused(entryName);
            }
        }
        for (String extension : CODE_EXTENSIONS) {
            if (name.endsWith(extension)) {
                throw refused(entryName);
            }
        }
    }

    /** @throws IOException when a file's first bytes are those of code */
    static void checkStart(String entryName, byte[] start, int length) throws IOException {
        for (byte[] magic : CODE_MAGIC) {
            if (length >= magic.length && java.util.Arrays.equals(start, 0, magic.length, magic, 0, magic.length)) {
                throw refused(entryName);
            }
        }
    }

    private static IOException refused(String entryName) {
        return new IOException("the archive holds '" + entryName + "', which is code or a code container; a model"
                + " artifact holds only its kind's data files and " + ArtifactManifest.FILE_NAME);
    }
}
