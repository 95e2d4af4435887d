package io.merx.graph.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * The shared layout of graph model artifacts: {@code <kind>.properties} (format version and settings) plus
 * {@code <kind>.bin} (a DataOutputStream of the snapshot). Readers check the format number before anything else.
 */
final class SnapshotFiles {

    private SnapshotFiles() {
    }

    static void writeMeta(Path directory, String base, int format, Properties meta) throws IOException {
        meta.setProperty("format", Integer.toString(format));
        try (OutputStream out = Files.newOutputStream(directory.resolve(base + ".properties"))) {
            meta.store(out, "Merx graph model");
        }
    }

    static DataOutputStream openData(Path directory, String base) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(directory.resolve(base + ".bin"))));
    }

    static Properties readMeta(Path directory, String base, int format) throws ModelLoadException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(base + ".properties"))) {
            meta.load(in);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + base + ".properties in " + directory + ": " + e.getMessage(), e);
        }
        if (!Integer.toString(format).equals(meta.getProperty("format"))) {
            throw new ModelLoadException("unsupported " + base + " format '" + meta.getProperty("format")
                    + "', expected " + format);
        }
        return meta;
    }

    static DataInputStream openDataIn(Path directory, String base) throws ModelLoadException {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(directory.resolve(base + ".bin"))));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot open " + base + ".bin in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A nullable string: a presence flag, then the UTF. */
    static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static int readCount(DataInputStream in, String what, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("corrupt file: " + what + " count " + n);
        }
        return n;
    }
}
