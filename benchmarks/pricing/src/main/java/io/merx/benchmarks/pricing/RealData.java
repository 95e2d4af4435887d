package io.merx.benchmarks.pricing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

/** Loads the two real data sets into Merx's long sales-history format. */
final class RealData {

    private RealData() {
    }

    /**
     * Dominick's canned tuna: 7 brands, weekly. MOVE is units, LPRICE the log price, NSALE the share of stores
     * with the brand on sale (the promotion covariate). All brands form one category of substitutes.
     */
    static Dataset tuna(Path file) throws IOException {
        Csv csv = Csv.read(file);
        Map<String, Integer> at = csv.index();
        List<String> product = new ArrayList<>();
        List<Double> period = new ArrayList<>();
        List<Double> price = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        List<Double> promo = new ArrayList<>();
        for (String[] row : csv.rows) {
            for (int b = 1; b <= 7; b++) {
                product.add("brand" + b);
                period.add(Double.parseDouble(row[at.get("WEEK")]));
                price.add(Math.exp(Double.parseDouble(row[at.get("LPRICE" + b)])));
                units.add(Double.parseDouble(row[at.get("MOVE" + b)]));
                promo.add(Double.parseDouble(row[at.get("NSALE" + b)]));
            }
        }
        return Dataset.builder().strings("product", product.toArray(new String[0])).numbers("period", unbox(period))
                .numbers("price", unbox(price)).numbers("units", unbox(units)).numbers("promo", unbox(promo))
                .build();
    }

    /**
     * bayesm cheese: retailer-week volume, price and display share. The file has no week column; rows are in
     * week order, so the period is the row's position among its retailer's rows. Retailers are separate markets
     * (no cross-price terms) in one category, the shrinkage target.
     */
    static Dataset cheese(Path file) throws IOException {
        Csv csv = Csv.read(file);
        Map<String, Integer> at = csv.index();
        Map<String, Integer> weeks = new HashMap<>();
        int n = csv.rows.size();
        String[] product = new String[n];
        double[] period = new double[n];
        double[] price = new double[n];
        double[] units = new double[n];
        double[] display = new double[n];
        for (int r = 0; r < n; r++) {
            String[] row = csv.rows.get(r);
            product[r] = row[at.get("RETAILER")];
            period[r] = weeks.merge(product[r], 1, Integer::sum);
            price[r] = Double.parseDouble(row[at.get("PRICE")]);
            units[r] = Double.parseDouble(row[at.get("VOLUME")]);
            display[r] = Double.parseDouble(row[at.get("DISP")]);
        }
        return Dataset.builder().strings("product", product).numbers("period", period).numbers("price", price)
                .numbers("units", units).numbers("display", display).build();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
