package io.merx.graph.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link FraudModel} from what the graph holds: union-find over accounts joined by shared (non-hub)
 * identifiers gives the rings; a breadth-first search from all known-fraud accounts, keeping the two nearest
 * distinct sources per account, gives each account's distance to known fraud other than itself.
 */
final class FraudAnalysis {

    /** One USES edge. */
    record Use(String account, String type, String value) {
    }

    private FraudAnalysis() {
    }

    /**
     * @param accounts all account ids, sorted
     * @param fraud their known-fraud flags
     * @param uses account-identifier edges
     * @param orderDays per account, the days of its orders (may be empty)
     */
    static FraudModel build(FraudModel.Weights weights, int velocityDays, int maxShared, String[] accounts,
            boolean[] fraud, List<Use> uses, Map<String, long[]> orderDays) {
        Map<String, Integer> accountIndex = new HashMap<>();
        for (int i = 0; i < accounts.length; i++) {
            accountIndex.put(accounts[i], i);
        }
        Map<String, Integer> identifierIndex = new HashMap<>();
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        List<List<Integer>> perAccount = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            perAccount.add(new ArrayList<>());
        }
        for (Use use : uses) {
            Integer a = accountIndex.get(use.account());
            if (a == null) {
                continue;
            }
            Integer id = identifierIndex.computeIfAbsent(use.type() + '\u0000' + use.value(), k -> {
                types.add(use.type());
                values.add(use.value());
                members.add(new ArrayList<>());
                return types.size() - 1;
            });
            members.get(id).add(a);
            perAccount.get(a).add(id);
        }
        int n = accounts.length;
        int m = types.size();
        int[] identifierAccounts = members.stream().mapToInt(List::size).toArray();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int id = 0; id < m; id++) {
            if (identifierAccounts[id] <= maxShared) {
                List<Integer> list = members.get(id);
                for (int k = 1; k < list.size(); k++) {
                    union(parent, list.get(0), list.get(k));
                }
            }
        }
        // Dense component numbers in account order, so the snapshot is the same for the same graph.
        int[] component = new int[n];
        Map<Integer, Integer> dense = new HashMap<>();
        for (int i = 0; i < n; i++) {
            component[i] = dense.computeIfAbsent(find(parent, i), k -> dense.size());
        }
        int components = dense.size();
        int[] size = new int[components];
        int[] fraudCount = new int[components];
        int[] recent = new int[components];
        long lastDay = orderDays.values().stream().flatMapToLong(Arrays::stream).max().orElse(0);
        for (int i = 0; i < n; i++) {
            size[component[i]]++;
            if (fraud[i]) {
                fraudCount[component[i]]++;
            }
            for (long day : orderDays.getOrDefault(accounts[i], new long[0])) {
                if (day > lastDay - velocityDays) {
                    recent[component[i]]++;
                }
            }
        }
        int[][] nearest = nearestFraud(n, fraud, perAccount, members, identifierAccounts, maxShared);
        int[] hops = new int[n];
        for (int i = 0; i < n; i++) {
            hops[i] = nearest[i][0] >= 0 && nearest[i][0] != i ? nearest[i][1]
                    : nearest[i][2] >= 0 ? nearest[i][3] : -1;
        }
        int[] identifierDistance = new int[m];
        int[] identifierComponent = new int[m];
        for (int id = 0; id < m; id++) {
            int best = -1;
            for (int a : members.get(id)) {
                int d = nearest[a][0] >= 0 ? nearest[a][1] : -1;
                if (d >= 0 && (best < 0 || d < best)) {
                    best = d;
                }
            }
            boolean hub = identifierAccounts[id] > maxShared;
            identifierDistance[id] = hub ? -1 : best;
            identifierComponent[id] = hub ? -1 : component[members.get(id).get(0)];
        }
        int[][] accountIdentifiers = perAccount.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return new FraudModel(weights, velocityDays, maxShared, accounts, fraud, component, hops, accountIdentifiers,
                types.toArray(String[]::new), values.toArray(String[]::new), identifierAccounts, identifierDistance,
                identifierComponent, size, fraudCount, recent);
    }

    /** Per account {source1, distance1, source2, distance2}: its two nearest distinct known-fraud accounts. */
    private static int[][] nearestFraud(int n, boolean[] fraud, List<List<Integer>> perAccount,
            List<List<Integer>> members, int[] identifierAccounts, int maxShared) {
        int[][] labels = new int[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = new int[] {-1, -1, -1, -1};
        }
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (fraud[i]) {
                labels[i][0] = i;
                labels[i][1] = 0;
                queue.add(new int[] {i, i, 0});
            }
        }
        while (!queue.isEmpty()) {
            int[] entry = queue.poll();
            int v = entry[0];
            int source = entry[1];
            int distance = entry[2] + 1;
            for (int id : perAccount.get(v)) {
                if (identifierAccounts[id] > maxShared) {
                    continue;
                }
                for (int u : members.get(id)) {
                    int[] l = labels[u];
                    if (l[0] == source || l[2] == source) {
                        continue;
                    }
                    if (l[0] < 0) {
                        l[0] = source;
                        l[1] = distance;
                    } else if (l[2] < 0) {
                        l[2] = source;
                        l[3] = distance;
                    } else {
                        continue;
                    }
                    queue.add(new int[] {u, source, distance});
                }
            }
        }
        return labels;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
