package io.merx.customers.internal.lifetime;

import io.merx.api.ModelLoadException;
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

/**
 * The on-disk format, version 1: {@code lifetime.properties} (format, settings, the seven fitted parameters, end
 * day, customer count) and {@code customers.bin} (per customer: id, x, tx, T, mean spend; big-endian
 * {@link DataOutputStream} encoding). Doubles are stored exactly (Double.toString round-trips).
 */
final class LifetimeFiles {

    static final String META = "lifetime.properties";
    static final String CUSTOMERS = "customers.bin";
    static final int FORMAT = 1;

    private LifetimeFiles() {
    }

    static void write(LifetimeModel model, Path directory) throws IOException {
        Properties meta = model.settings().toProperties();
        meta.setProperty("format", Integer.toString(FORMAT));
        meta.setProperty("bgnbd.r", Double.toString(model.purchases().r()));
        meta.setProperty("bgnbd.alpha", Double.toString(model.purchases().alpha()));
        meta.setProperty("bgnbd.a", Double.toString(model.purchases().a()));
        meta.setProperty("bgnbd.b", Double.toString(model.purchases().b()));
        meta.setProperty("gammagamma.p", Double.toString(model.spend().p()));
        meta.setProperty("gammagamma.q", Double.toString(model.spend().q()));
        meta.setProperty("gammagamma.gamma", Double.toString(model.spend().gamma()));
        meta.setProperty("endDay", Integer.toString(model.endDay()));
        meta.setProperty("customerCount", Integer.toString(model.customers().size()));
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx customers.lifetime model");
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(CUSTOMERS))))) {
            out.writeInt(model.customers().size());
            for (Map.Entry<String, RfmSummary> entry : model.customers().entrySet()) {
                RfmSummary c = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeInt(c.x());
                out.writeDouble(c.tx());
                out.writeDouble(c.age());
                out.writeDouble(c.meanSpend());
            }
        }
    }

    static LifetimeModel read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported customers.lifetime format '" + format + "', expected "
                        + FORMAT);
            }
            BgNbd bg = new BgNbd(number(meta, "bgnbd.r"), number(meta, "bgnbd.alpha"), number(meta, "bgnbd.a"),
                    number(meta, "bgnbd.b"));
            GammaGamma gg = new GammaGamma(number(meta, "gammagamma.p"), number(meta, "gammagamma.q"),
                    number(meta, "gammagamma.gamma"));
            int expected = (int) number(meta, "customerCount");
            Map<String, RfmSummary> customers = new LinkedHashMap<>();
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(CUSTOMERS))))) {
                int count = in.readInt();
                if (count != expected) {
                    throw new ModelLoadException(CUSTOMERS + " holds " + count + " customers but " + META
                            + " says " + expected);
                }
                for (int i = 0; i < count; i++) {
                    String id = in.readUTF();
                    customers.put(id, new RfmSummary(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
                }
            }
            return new LifetimeModel(LifetimeSettings.fromProperties(meta), bg, gg, (int) number(meta, "endDay"),
                    customers);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read customers.lifetime model in " + directory + ": " + e, e);
        }
    }

    private static double number(Properties meta, String key) throws ModelLoadException {
        String value = meta.getProperty(key);
        if (value == null) {
            throw new ModelLoadException(META + " lacks '" + key + "'");
        }
        return Double.parseDouble(value);
    }
}
