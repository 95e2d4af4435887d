package io.merx.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;

/**
 * The products a model searches, in training-data order: the row index is the product's number everywhere else
 * (index documents, embedding rows, filters).
 *
 * @param ids product ids, distinct
 * @param titles product titles, never blank
 * @param descriptions product descriptions, "" when the row has none
 * @param categoryNames the distinct categories, in order of first appearance
 * @param categories each product's index into {@code categoryNames}, -1 when it has none
 * @param available whether each product may be returned at all
 */
record Catalogue(String[] ids, String[] titles, String[] descriptions, List<String> categoryNames, int[] categories,
        boolean[] available) {

    /** Which dataset columns hold what; category and availability are used when the data has them. */
    record Columns(String id, String title, String description, String category, String available) {
    }

    int size() {
        return ids.length;
    }

    /** The text a product is searched by: its title, then its description. */
    String text(int product) {
        return descriptions[product].isEmpty() ? titles[product] : titles[product] + ". " + descriptions[product];
    }

    /** Product number by id. */
    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    /**
     * Reads and checks the catalogue columns.
     *
     * @throws IllegalArgumentException naming the column and row of a missing id or title, a repeated id or an
     *         availability that is not true/false
     */
    static Catalogue from(Dataset data, Columns columns) {
        String[] ids = data.strings(columns.id());
        String[] titles = data.strings(columns.title());
        String[] descriptions = data.hasColumn(columns.description()) ? data.strings(columns.description())
                : new String[ids.length];
        if (ids.length == 0) {
            throw new IllegalArgumentException("the catalogue has no rows");
        }
        String[] outIds = new String[ids.length];
        String[] outTitles = new String[ids.length];
        String[] outDescriptions = new String[ids.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            outIds[i] = required(ids[i], columns.id(), i);
            outTitles[i] = required(titles[i], columns.title(), i);
            outDescriptions[i] = descriptions[i] == null ? "" : descriptions[i].strip();
            Integer before = seen.put(outIds[i], i);
            if (before != null) {
                throw new IllegalArgumentException("column '" + columns.id() + "' row " + (i + 1) + ": product '"
                        + outIds[i] + "' already appears in row " + (before + 1));
            }
        }
        Map<String, Integer> categoryIndex = new LinkedHashMap<>();
        int[] categories = new int[ids.length];
        String[] categoryColumn = data.hasColumn(columns.category()) ? data.strings(columns.category()) : null;
        for (int i = 0; i < ids.length; i++) {
            String category = categoryColumn == null || categoryColumn[i] == null ? "" : categoryColumn[i].strip();
            categories[i] = category.isEmpty() ? -1 : categoryIndex.computeIfAbsent(category, c -> categoryIndex.size());
        }
        boolean[] available = new boolean[ids.length];
        String[] availableColumn = data.hasColumn(columns.available()) ? data.strings(columns.available()) : null;
        for (int i = 0; i < ids.length; i++) {
            available[i] = availableColumn == null || availability(availableColumn[i], columns.available(), i);
        }
        return new Catalogue(outIds, outTitles, outDescriptions, new ArrayList<>(categoryIndex.keySet()), categories,
                available);
    }

    private static String required(String value, String column, int row) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1) + " is empty");
        }
        return value.strip();
    }

    private static boolean availability(String value, String column, int row) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> true;
            case "false", "0", "no", "n" -> false;
            default -> throw new IllegalArgumentException("column '" + column + "' row " + (row + 1)
                    + " must be true or false, got '" + value + "'");
        };
    }
}
