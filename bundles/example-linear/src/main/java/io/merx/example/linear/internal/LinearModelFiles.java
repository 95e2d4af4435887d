package io.merx.example.linear.internal;

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
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format: {@code linear.properties} (format version, features, bias, task) and {@code weights.nd4j}
 * (means, stds, weights in ND4J's binary format). Format 1 is read by every kind version 1.x.
 */
final class LinearModelFiles {

    static final String META = "linear.properties";
    static final String WEIGHTS = "weights.nd4j";
    static final int FORMAT = 1;

    private LinearModelFiles() {
    }

    static void write(LinearParameters params, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("features", String.join(",", params.features()));
        meta.setProperty("bias", Double.toString(params.bias()));
        meta.setProperty("task", params.classification() ? "classification" : "regression");
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx example.linear model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(WEIGHTS))))) {
            Nd4j.write(params.means(), out);
            Nd4j.write(params.stds(), out);
            Nd4j.write(params.weights(), out);
        }
    }

    static LinearParameters read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported example.linear format '" + format + "', expected " + FORMAT);
            }
            List<String> features = Arrays.asList(meta.getProperty("features", "").split(","));
            double bias = Double.parseDouble(meta.getProperty("bias", "NaN"));
            if (!Double.isFinite(bias)) {
                throw new ModelLoadException(META + ": bias is missing or not finite");
            }
            boolean classification = "classification".equals(meta.getProperty("task"));
            INDArray means;
            INDArray stds;
            INDArray weights;
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(WEIGHTS))))) {
                means = Nd4j.read(in);
                stds = Nd4j.read(in);
                weights = Nd4j.read(in);
            }
            if (means.length() != features.size() || stds.length() != features.size()
                    || weights.length() != features.size()) {
                throw new ModelLoadException(WEIGHTS + " holds " + weights.length() + " weights for "
                        + features.size() + " features");
            }
            return new LinearParameters(List.copyOf(features), means, stds, weights.reshape(features.size(), 1), bias,
                    classification);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read example.linear model in " + directory + ": " + e.getMessage(), e);
        }
    }
}
