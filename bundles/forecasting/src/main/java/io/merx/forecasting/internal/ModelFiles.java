package io.merx.forecasting.internal;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format, version 1: {@code forecasting.properties} (format, settings, frequency, series count),
 * {@code series.bin} (per series: id, history, fitted model as tag + parameters + final state, big-endian
 * {@link DataOutputStream} encoding) and, for methods with the MLP, {@code mlp.bin} (layer sizes, weights,
 * biases and the per-step error quantiles). Plain Java streams: no ND4J is needed to load or score.
 */
final class ModelFiles {

    static final String META = "forecasting.properties";
    static final String SERIES = "series.bin";
    static final String NETWORK = "mlp.bin";
    static final int FORMAT = 1;

    private ModelFiles() {
    }

    static void write(ForecastModelData data, Path directory) throws IOException {
        Properties meta = data.settings().toProperties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("frequency", data.frequency());
        meta.setProperty("seriesCount", Integer.toString(data.series().size()));
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx forecasting model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(SERIES))))) {
            out.writeInt(data.series().size());
            for (Map.Entry<String, ForecastModelData.SeriesEntry> entry : data.series().entrySet()) {
                out.writeUTF(entry.getKey());
                SeriesCodec.writeArray(out, entry.getValue().history());
                SeriesCodec.write(out, entry.getValue().fit());
            }
        }
        if (data.network() != null) {
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(directory.resolve(NETWORK))))) {
                data.network().write(out);
            }
        }
    }

    static ForecastModelData read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported forecasting format '" + format + "', expected " + FORMAT);
            }
            Settings settings = Settings.fromProperties(meta);
            MlpNetwork network = null;
            if (settings.usesMlp()) {
                try (DataInputStream in = new DataInputStream(
                        new BufferedInputStream(Files.newInputStream(directory.resolve(NETWORK))))) {
                    network = MlpNetwork.read(in);
                }
            }
            Map<String, ForecastModelData.SeriesEntry> series = new LinkedHashMap<>();
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(SERIES))))) {
                int count = in.readInt();
                if (count != Integer.parseInt(meta.getProperty("seriesCount", "-1"))) {
                    throw new ModelLoadException(SERIES + " holds " + count + " series but " + META + " says "
                            + meta.getProperty("seriesCount"));
                }
                for (int i = 0; i < count; i++) {
                    String id = in.readUTF();
                    double[] history = SeriesCodec.readArray(in);
                    series.put(id, new ForecastModelData.SeriesEntry(history, SeriesCodec.read(in, network)));
                }
            }
            return new ForecastModelData(settings, meta.getProperty("frequency", "index"), series, network);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read forecasting model in " + directory + ": " + e.getMessage(), e);
        }
    }
}
