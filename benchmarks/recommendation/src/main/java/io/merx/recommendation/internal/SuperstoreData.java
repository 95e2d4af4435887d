package io.merx.recommendation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import io.merx.api.Dataset;

/**
 * Reads {@code superstore.csv} (Tableau Superstore order lines) into a Dataset of customer x product purchases:
 * {@code user} = Customer ID, {@code item} = Product ID, {@code weight} = Quantity, {@code timestamp} = Order Date,
 * {@code category} = Sub-Category. Strings only, as the runtime's CSV reader would give them, except numbers.
 */
final class SuperstoreData {

    private SuperstoreData() {
    }

    static Dataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = parse(lines.get(0));
        int user = header.indexOf("Customer ID");
        int item = header.indexOf("Product ID");
        int quantity = header.indexOf("Quantity");
        int date = header.indexOf("Order Date");
        int category = header.indexOf("Sub-Category");
        int n = lines.size() - 1;
        String[] users = new String[n];
        String[] items = new String[n];
        double[] weights = new double[n];
        String[] dates = new String[n];
        String[] categories = new String[n];
        for (int r = 0; r < n; r++) {
            List<String> cells = parse(lines.get(r + 1));
            users[r] = cells.get(user);
            items[r] = cells.get(item);
            weights[r] = Double.parseDouble(cells.get(quantity));
            dates[r] = cells.get(date);
            categories[r] = cells.get(category);
        }
        return Dataset.builder().strings("user", users).strings("item", items).numbers("weight", weights)
                .strings("timestamp", dates).strings("category", categories).build();
    }

    /** One CSV line (RFC 4180: "" inside quotes is a quote). */
    static List<String> parse(String line) throws IOException {
        return CSVParser.parse(line, CSVFormat.DEFAULT).getRecords().get(0).toList();
    }
}
