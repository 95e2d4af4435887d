package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.merx.api.Dataset;

/**
 * Interaction data after validation and aggregation: one entry per (user, item) pair, stored user-major in CSR
 * form. Rows repeating a pair are merged (weights summed, the latest time kept), rows of weight 0 are dropped.
 * Users and items are numbered in order of first appearance, so the same data always gives the same numbering.
 */
public final class Interactions {

    final String[] userIds;
    final String[] itemIds;
    /** Entries of user {@code u} are {@code userPtr[u] .. userPtr[u+1]-1}. */
    final int[] userPtr;
    final int[] items;
    final float[] weights;
    /** When the pair last occurred: the timestamp if the data has one, else the row number. */
    final double[] times;
    /** Last row of the pair, breaking ties between equal timestamps. */
    final int[] lastRows;
    final int[] itemCategory;
    final String[] categories;
    final int inputRows;

    Interactions(String[] userIds, String[] itemIds, int[] userPtr, int[] items, float[] weights, double[] times,
            int[] lastRows, int[] itemCategory, String[] categories, int inputRows) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.userPtr = userPtr;
        this.items = items;
        this.weights = weights;
        this.times = times;
        this.lastRows = lastRows;
        this.itemCategory = itemCategory;
        this.categories = categories;
        this.inputRows = inputRows;
    }

    /**
     * Reads interactions from a dataset.
     *
     * @throws IllegalArgumentException naming the column and row of the first bad value, or when no usable row
     *         is left
     */
    public static Interactions from(Dataset data, Columns columns) {
        if (data.rowCount() == 0) {
            throw new IllegalArgumentException("the interaction data is empty: it has no rows");
        }
        String[] users = requiredIds(data, columns.user());
        String[] items = requiredIds(data, columns.item());
        float[] weights = null;
        if (present(data, columns.weight())) {
            double[] raw = data.numbers(columns.weight());
            weights = new float[raw.length];
            for (int r = 0; r < raw.length; r++) {
                if (!Double.isFinite(raw[r]) || raw[r] < 0 || raw[r] > Float.MAX_VALUE) {
                    throw new IllegalArgumentException("column '" + columns.weight() + "' row " + (r + 1)
                            + " must be a finite number >= 0, got " + raw[r]);
                }
                weights[r] = (float) raw[r];
            }
        }
        double[] times = null;
        if (present(data, columns.timestamp())) {
            times = timestamps(data, columns.timestamp());
        }
        String[] categories = present(data, columns.category()) ? data.strings(columns.category()) : null;
        return of(users, items, weights, times, categories);
    }

    private static boolean present(Dataset data, String column) {
        return !column.isEmpty() && data.hasColumn(column);
    }

    private static String[] requiredIds(Dataset data, String column) {
        if (column.isEmpty() || !data.hasColumn(column)) {
            throw new IllegalArgumentException("missing column '" + column + "'; the data has " + data.columnNames()
                    + " (set the hyper-parameter userColumn/itemColumn to pick others)");
        }
        String[] ids = data.strings(column);
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] == null || ids[r].isBlank()) {
                throw new IllegalArgumentException("column '" + column + "' row " + (r + 1) + " is empty");
            }
        }
        return ids;
    }

    private static double[] timestamps(Dataset data, String column) {
        double[] times;
        if (data.isNumeric(column)) {
            times = data.numbers(column).clone();
        } else {
            String[] text = data.strings(column);
            times = new double[text.length];
            for (int r = 0; r < text.length; r++) {
                times[r] = text[r] == null ? Double.NaN : Timestamps.parse(text[r]);
            }
        }
        for (int r = 0; r < times.length; r++) {
            if (!Double.isFinite(times[r])) {
                throw new IllegalArgumentException("column '" + column + "' row " + (r + 1)
                        + " must be a number or an ISO-8601 date, got '" + data.strings(column)[r] + "'");
            }
        }
        return times;
    }

    /**
     * Aggregates raw rows. {@code weights}, {@code times} and {@code categories} may be null.
     *
     * @throws IllegalArgumentException when every row has weight 0
     */
    public static Interactions of(String[] users, String[] items, float[] weights, double[] times, String[] categories) {
        int rows = users.length;
        Map<String, Integer> userIndex = new HashMap<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        int[] u = new int[rows];
        int[] it = new int[rows];
        for (int r = 0; r < rows; r++) {
            u[r] = userIndex.computeIfAbsent(users[r], key -> userIndex.size());
            it[r] = itemIndex.computeIfAbsent(items[r], key -> itemIndex.size());
        }
        int userCount = userIndex.size();
        int itemCount = itemIndex.size();
        String[] userIds = new String[userCount];
        userIndex.forEach((id, index) -> userIds[index] = id);
        String[] itemIds = new String[itemCount];
        itemIndex.forEach((id, index) -> itemIds[index] = id);

        int[] itemCategory = new int[itemCount];
        Arrays.fill(itemCategory, -1);
        Map<String, Integer> categoryIndex = new HashMap<>();
        if (categories != null) {
            for (int r = 0; r < rows; r++) {
                String c = categories[r];
                if (c != null && !c.isBlank() && itemCategory[it[r]] < 0) {
                    itemCategory[it[r]] = categoryIndex.computeIfAbsent(c, key -> categoryIndex.size());
                }
            }
        }
        String[] categoryNames = new String[categoryIndex.size()];
        categoryIndex.forEach((name, index) -> categoryNames[index] = name);

        // Bucket rows by user (stable), then sort each user's rows by item to merge repeated pairs.
        int[] start = new int[userCount + 1];
        for (int r = 0; r < rows; r++) {
            if (weights == null || weights[r] > 0) {
                start[u[r] + 1]++;
            }
        }
        for (int i = 0; i < userCount; i++) {
            start[i + 1] += start[i];
        }
        int kept = start[userCount];
        if (kept == 0) {
            throw new IllegalArgumentException("no usable interaction: every row has weight 0");
        }
        int[] byUser = new int[kept];
        int[] fill = Arrays.copyOf(start, userCount);
        for (int r = 0; r < rows; r++) {
            if (weights == null || weights[r] > 0) {
                byUser[fill[u[r]]++] = r;
            }
        }
        int[] ptr = new int[userCount + 1];
        int[] outItems = new int[kept];
        float[] outWeights = new float[kept];
        double[] outTimes = new double[kept];
        int[] outRows = new int[kept];
        int n = 0;
        long[] keys = new long[16];
        for (int user = 0; user < userCount; user++) {
            int from = start[user];
            int len = start[user + 1] - from;
            if (keys.length < len) {
                keys = new long[Math.max(len, keys.length * 2)];
            }
            for (int j = 0; j < len; j++) {
                int r = byUser[from + j];
                keys[j] = ((long) it[r] << 32) | r;
            }
            Arrays.sort(keys, 0, len);
            int previous = -1;
            for (int j = 0; j < len; j++) {
                int item = (int) (keys[j] >>> 32);
                int r = (int) keys[j];
                float w = weights == null ? 1f : weights[r];
                double t = times == null ? r : times[r];
                if (item == previous) {
                    outWeights[n - 1] += w;
                    outTimes[n - 1] = Math.max(outTimes[n - 1], t);
                    outRows[n - 1] = r;
                } else {
                    outItems[n] = item;
                    outWeights[n] = w;
                    outTimes[n] = t;
                    outRows[n] = r;
                    n++;
                    previous = item;
                }
            }
            ptr[user + 1] = n;
        }
        return new Interactions(userIds, itemIds, ptr, Arrays.copyOf(outItems, n), Arrays.copyOf(outWeights, n),
                Arrays.copyOf(outTimes, n), Arrays.copyOf(outRows, n), itemCategory, categoryNames, rows);
    }

    /** The same users and items with only the pairs where {@code keep} is true. */
    Interactions keep(boolean[] keep) {
        int[] ptr = new int[userPtr.length];
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        int[] newItems = new int[count];
        float[] newWeights = new float[count];
        double[] newTimes = new double[count];
        int[] newRows = new int[count];
        int n = 0;
        for (int user = 0; user < userCount(); user++) {
            for (int p = userPtr[user]; p < userPtr[user + 1]; p++) {
                if (keep[p]) {
                    newItems[n] = items[p];
                    newWeights[n] = weights[p];
                    newTimes[n] = times[p];
                    newRows[n] = lastRows[p];
                    n++;
                }
            }
            ptr[user + 1] = n;
        }
        return new Interactions(userIds, itemIds, ptr, newItems, newWeights, newTimes, newRows, itemCategory,
                categories, inputRows);
    }

    /** The item-major view (CSC): for each item, the users who interacted and the weights. */
    ItemMajor itemMajor() {
        int itemCount = itemCount();
        int[] ptr = new int[itemCount + 1];
        for (int item : items) {
            ptr[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] fill = Arrays.copyOf(ptr, itemCount);
        int[] users = new int[items.length];
        float[] w = new float[items.length];
        for (int user = 0; user < userCount(); user++) {
            for (int p = userPtr[user]; p < userPtr[user + 1]; p++) {
                int slot = fill[items[p]]++;
                users[slot] = user;
                w[slot] = weights[p];
            }
        }
        return new ItemMajor(ptr, users, w);
    }

    /** Number of distinct users per item. */
    int[] itemDegrees() {
        int[] degrees = new int[itemCount()];
        for (int item : items) {
            degrees[item]++;
        }
        return degrees;
    }

    public int userCount() {
        return userIds.length;
    }

    public int itemCount() {
        return itemIds.length;
    }

    /** Number of distinct (user, item) pairs. */
    public int size() {
        return items.length;
    }

    /** Rows of the data before aggregation. */
    public int inputRows() {
        return inputRows;
    }

    public String userId(int user) {
        return userIds[user];
    }

    public String itemId(int item) {
        return itemIds[item];
    }

    int degree(int user) {
        return userPtr[user + 1] - userPtr[user];
    }

    /** Calls the visitor once per pair, user-major. */
    public void forEach(PairVisitor visitor) {
        for (int user = 0; user < userCount(); user++) {
            for (int p = userPtr[user]; p < userPtr[user + 1]; p++) {
                visitor.visit(user, items[p], weights[p]);
            }
        }
    }

    /** Receives one aggregated interaction. */
    @FunctionalInterface
    public interface PairVisitor {
        void visit(int user, int item, float weight);
    }

    /** Item-major CSC arrays. */
    record ItemMajor(int[] ptr, int[] users, float[] weights) {
    }
}
