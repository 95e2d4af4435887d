package io.merx.pricing.internal;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.ModelLoadException;

/**
 * The on-disk format: {@code pricing.properties} (format version, which optional terms the model has, and per
 * product its name, category, substitutes, centring, observed prices, residual variance and identification) and
 * {@code coefficients.nd4j}, one ND4J double vector holding, product after product, the coefficients followed by
 * their covariance matrix in row-major order. Format 1 is read by every kind version 1.x.
 */
final class PricingFiles {

    static final String META = "pricing.properties";
    static final String COEFFICIENTS = "coefficients.nd4j";
    static final int FORMAT = 1;

    private PricingFiles() {
    }

    static void write(DemandModel model, Path directory) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("format", Integer.toString(FORMAT));
        TermLayout layout = model.layout();
        meta.setProperty("terms.promo", Boolean.toString(layout.promo()));
        meta.setProperty("terms.display", Boolean.toString(layout.display()));
        meta.setProperty("terms.competitor", Boolean.toString(layout.competitor()));
        meta.setProperty("products", Integer.toString(model.size()));
        int values = 0;
        for (int i = 0; i < model.size(); i++) {
            ProductDemand d = model.product(i);
            String key = "product." + i + ".";
            meta.setProperty(key + "name", d.name());
            meta.setProperty(key + "category", d.category());
            meta.setProperty(key + "partners", String.join(",",
                    Arrays.stream(d.partners()).mapToObj(Integer::toString).toList()));
            meta.setProperty(key + "sigma2", Double.toString(d.sigma2()));
            meta.setProperty(key + "meanLogPrice", Double.toString(d.meanLogPrice()));
            meta.setProperty(key + "meanLogCompetitor", Double.toString(d.meanLogCompetitor()));
            meta.setProperty(key + "lastPrice", Double.toString(d.lastPrice()));
            meta.setProperty(key + "minPrice", Double.toString(d.minPrice()));
            meta.setProperty(key + "maxPrice", Double.toString(d.maxPrice()));
            meta.setProperty(key + "distinctPrices", Integer.toString(d.distinctPrices()));
            meta.setProperty(key + "rows", Integer.toString(d.rows()));
            meta.setProperty(key + "identified", Boolean.toString(d.identified()));
            meta.setProperty(key + "basis", d.basis());
            meta.setProperty(key + "note", d.note());
            values += d.terms() * (d.terms() + 1);
        }
        int p = 0;
        for (Map.Entry<String, DemandModel.CategoryPrior> entry : model.priors().entrySet()) {
            String key = "prior." + p++ + ".";
            meta.setProperty(key + "category", entry.getKey());
            meta.setProperty(key + "mean", Double.toString(entry.getValue().mean()));
            meta.setProperty(key + "sd", Double.toString(entry.getValue().sd()));
            meta.setProperty(key + "products", Integer.toString(entry.getValue().products()));
        }
        meta.setProperty("priors", Integer.toString(p));
        try (OutputStream out = Files.newOutputStream(directory.resolve(META))) {
            meta.store(out, "Merx pricing.demand model");
        }
        double[] flat = new double[values];
        int at = 0;
        for (ProductDemand d : model.products()) {
            System.arraycopy(d.beta(), 0, flat, at, d.terms());
            at += d.terms();
            for (double[] row : d.covariance()) {
                System.arraycopy(row, 0, flat, at, row.length);
                at += row.length;
            }
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(COEFFICIENTS))));
                INDArray array = Nd4j.createFromArray(flat)) {
            Nd4j.write(array, out);
        }
    }

    static DemandModel read(Path directory) throws ModelLoadException {
        try {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(directory.resolve(META))) {
                meta.load(in);
            }
            String format = meta.getProperty("format", "");
            if (!Integer.toString(FORMAT).equals(format)) {
                throw new ModelLoadException("unsupported pricing.demand format '" + format + "', expected " + FORMAT);
            }
            TermLayout layout = new TermLayout(bool(meta, "terms.promo"), bool(meta, "terms.display"),
                    bool(meta, "terms.competitor"));
            double[] flat;
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(COEFFICIENTS))));
                    INDArray array = Nd4j.read(in)) {
                if (array.dataType() != DataType.DOUBLE) {
                    throw new ModelLoadException(COEFFICIENTS + " holds " + array.dataType() + ", expected DOUBLE");
                }
                flat = array.toDoubleVector();
            }
            int n = integer(meta, "products");
            List<ProductDemand> products = new ArrayList<>(n);
            int at = 0;
            for (int i = 0; i < n; i++) {
                String key = "product." + i + ".";
                String partnerList = text(meta, key + "partners");
                int[] partners = partnerList.isEmpty() ? new int[0]
                        : Arrays.stream(partnerList.split(",")).mapToInt(Integer::parseInt).toArray();
                for (int j : partners) {
                    if (j < 0 || j >= n) {
                        throw new ModelLoadException(META + ": product " + i + " names partner " + j);
                    }
                }
                int terms = layout.size(partners.length);
                if (at + terms * (terms + 1) > flat.length) {
                    throw new ModelLoadException(COEFFICIENTS + " holds " + flat.length + " values, too few for "
                            + n + " products");
                }
                double[] beta = Arrays.copyOfRange(flat, at, at + terms);
                at += terms;
                double[][] covariance = new double[terms][];
                for (int r = 0; r < terms; r++) {
                    covariance[r] = Arrays.copyOfRange(flat, at, at + terms);
                    at += terms;
                }
                products.add(new ProductDemand(text(meta, key + "name"), text(meta, key + "category"), partners, beta,
                        covariance, real(meta, key + "sigma2"), real(meta, key + "meanLogPrice"),
                        real(meta, key + "meanLogCompetitor"), real(meta, key + "lastPrice"),
                        real(meta, key + "minPrice"), real(meta, key + "maxPrice"),
                        integer(meta, key + "distinctPrices"), integer(meta, key + "rows"),
                        bool(meta, key + "identified"), text(meta, key + "basis"), text(meta, key + "note")));
            }
            if (at != flat.length) {
                throw new ModelLoadException(COEFFICIENTS + " holds " + flat.length + " values, expected " + at);
            }
            Map<String, DemandModel.CategoryPrior> priors = new LinkedHashMap<>();
            int count = integer(meta, "priors");
            for (int p = 0; p < count; p++) {
                String key = "prior." + p + ".";
                priors.put(text(meta, key + "category"), new DemandModel.CategoryPrior(real(meta, key + "mean"),
                        real(meta, key + "sd"), integer(meta, key + "products")));
            }
            return new DemandModel(products, layout, priors);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing model file " + e.getFile(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read pricing.demand model in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String text(Properties meta, String key) throws ModelLoadException {
        String value = meta.getProperty(key);
        if (value == null) {
            throw new ModelLoadException(META + ": missing " + key);
        }
        return value;
    }

    private static double real(Properties meta, String key) throws ModelLoadException {
        double value = Double.parseDouble(text(meta, key));
        if (!Double.isFinite(value)) {
            throw new ModelLoadException(META + ": " + key + " is not finite");
        }
        return value;
    }

    private static int integer(Properties meta, String key) throws ModelLoadException {
        return Integer.parseInt(text(meta, key));
    }

    private static boolean bool(Properties meta, String key) throws ModelLoadException {
        return Boolean.parseBoolean(text(meta, key));
    }
}
