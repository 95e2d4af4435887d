package io.merx.risk.transaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts linked by the cards, devices, addresses and e-mails they use: the graph features of an order. Rings are
 * connected components over shared identifiers; an identifier used by more than {@code maxShared} accounts (a
 * marketplace address) is a hub and links nothing further. The graph grows edge by edge, so training can ask each
 * order what the graph knew just before it (point in time, as scoring will), and a snapshot is the same structure
 * grown from all edges. Queries never count the ordering account's own fraud flag, so a feature cannot echo the
 * label. Growing is single-threaded; once grown, queries only read and may run from many threads.
 */
final class IdentifierGraph {

    /** One account-identifier edge, as Neo4j's {@code (:Customer)-[:USES]->(:Identifier)} holds it. */
    record Use(String account, String type, String value) {
    }

    /** The graph features of one order; {@code hopsToFraud} is -1 when no known fraud is within reach. */
    record Features(int sharedIdentifiers, int linkedAccounts, int ringSize, int ringFraudAccounts, int hopsToFraud) {
    }

    /** How far the search for known fraud goes: beyond four hops the link says little and the search grows. */
    static final int MAX_HOPS = 4;
    /** The latency budget of that search: it gives up (no fraud within reach) after visiting this many accounts. */
    static final int MAX_VISITED = 2_000;

    private final int maxShared;
    private final Map<String, Integer> accountIndex = new HashMap<>();
    private final List<List<String>> accountIdentifiers = new ArrayList<>();
    private final Map<String, List<Integer>> identifierMembers = new HashMap<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Integer> componentSize = new ArrayList<>();
    private final List<Integer> componentFraud = new ArrayList<>();
    private final List<Boolean> fraud = new ArrayList<>();
    private final List<Use> uses = new ArrayList<>();
    private final Set<String> fraudAccounts = new LinkedHashSet<>();

    /** An empty graph; identifiers shared by more than {@code maxShared} accounts are hubs. */
    IdentifierGraph(int maxShared) {
        this.maxShared = maxShared;
    }

    /** The graph of these edges and flags, as a snapshot holds it. */
    static IdentifierGraph of(List<Use> uses, Set<String> fraudAccounts, int maxShared) {
        IdentifierGraph graph = new IdentifierGraph(maxShared);
        for (Use use : uses) {
            graph.add(use.account(), use.type(), use.value());
        }
        fraudAccounts.stream().sorted().forEach(graph::markFraud);
        return graph;
    }

    /** Adds an account-identifier edge (types outside {@link Order#IDENTIFIER_TYPES} are ignored). */
    void add(String account, String type, String value) {
        if (!Order.IDENTIFIER_TYPES.contains(type) || value == null) {
            return;
        }
        int a = account(account);
        String key = key(type, value);
        List<Integer> members = identifierMembers.computeIfAbsent(key, k -> new ArrayList<>());
        if (members.contains(a)) {
            return;
        }
        members.add(a);
        accountIdentifiers.get(a).add(key);
        uses.add(new Use(account, type, value));
        // Links made while the identifier was below the hub threshold stay: a ring does not split afterwards.
        if (members.size() > 1 && members.size() <= maxShared) {
            union(members.get(0), a);
        }
    }

    /** Marks an account as known fraud from now on. */
    void markFraud(String account) {
        if (!fraudAccounts.add(account)) {
            return;
        }
        int a = account(account);
        fraud.set(a, true);
        int root = find(a);
        componentFraud.set(root, componentFraud.get(root) + 1);
    }

    private int account(String account) {
        return accountIndex.computeIfAbsent(account, k -> {
            int index = parent.size();
            parent.add(index);
            componentSize.add(1);
            componentFraud.add(0);
            fraud.add(false);
            accountIdentifiers.add(new ArrayList<>());
            return index;
        });
    }

    /**
     * The graph features of an order by {@code account} with these identifiers (by {@link Order#IDENTIFIER_TYPES}
     * position; null where absent). A new account joins the rings of the identifiers it uses.
     */
    Features features(String account, String[] identifiers) {
        Integer own = accountIndex.get(account);
        int self = own == null ? -1 : own;
        Set<Integer> linked = new HashSet<>();
        Set<Integer> components = new HashSet<>();
        if (own != null) {
            components.add(find(own));
        }
        int shared = 0;
        for (int type = 0; type < identifiers.length; type++) {
            if (identifiers[type] == null) {
                continue;
            }
            List<Integer> members = identifierMembers.get(key(Order.IDENTIFIER_TYPES.get(type), identifiers[type]));
            if (members == null || members.size() > maxShared) {
                continue;
            }
            boolean withOthers = false;
            for (int a : members) {
                if (a != self) {
                    linked.add(a);
                    components.add(find(a));
                    withOthers = true;
                }
            }
            shared += withOthers ? 1 : 0;
        }
        int size = own == null ? 1 : 0;
        int ringFraud = 0;
        for (int c : components) {
            size += componentSize.get(c);
            ringFraud += componentFraud.get(c);
        }
        if (own != null && fraud.get(own)) {
            ringFraud--;
        }
        return new Features(shared, linked.size(), size, ringFraud, hopsToFraud(self, linked));
    }

    /** Breadth-first from the order's account and the accounts its identifiers link, up to {@link #MAX_HOPS}. */
    private int hopsToFraud(int self, Set<Integer> linked) {
        Set<Integer> seen = new HashSet<>(linked);
        ArrayDeque<Integer> frontier = new ArrayDeque<>(linked.stream().sorted().toList());
        if (self >= 0) {
            seen.add(self);
            for (int next : neighbours(self)) {
                if (seen.add(next)) {
                    frontier.add(next);
                }
            }
        }
        for (int hops = 1; hops <= MAX_HOPS && !frontier.isEmpty(); hops++) {
            ArrayDeque<Integer> nextFrontier = new ArrayDeque<>();
            for (int a : frontier) {
                if (fraud.get(a)) {
                    return hops;
                }
                for (int next : neighbours(a)) {
                    if (seen.add(next)) {
                        nextFrontier.add(next);
                    }
                }
                if (seen.size() > MAX_VISITED) {
                    return -1;
                }
            }
            frontier = nextFrontier;
        }
        return -1;
    }

    private List<Integer> neighbours(int account) {
        List<Integer> result = new ArrayList<>();
        for (String key : accountIdentifiers.get(account)) {
            List<Integer> members = identifierMembers.get(key);
            if (members.size() <= maxShared) {
                result.addAll(members);
            }
        }
        return result;
    }

    /** Whether the account is known to have committed fraud. */
    boolean knownFraud(String account) {
        return fraudAccounts.contains(account);
    }

    int accounts() {
        return accountIndex.size();
    }

    List<Use> uses() {
        return List.copyOf(uses);
    }

    Set<String> fraudAccounts() {
        return Set.copyOf(fraudAccounts);
    }

    int maxShared() {
        return maxShared;
    }

    /** Rings of two or more accounts. */
    long rings() {
        long rings = 0;
        for (int i = 0; i < parent.size(); i++) {
            rings += find(i) == i && componentSize.get(i) > 1 ? 1 : 0;
        }
        return rings;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (componentSize.get(ra) < componentSize.get(rb)) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent.set(rb, ra);
        componentSize.set(ra, componentSize.get(ra) + componentSize.get(rb));
        componentFraud.set(ra, componentFraud.get(ra) + componentFraud.get(rb));
    }

    /** The root, without path compression, so that queries only read (union by size keeps trees shallow). */
    private int find(int i) {
        while (parent.get(i) != i) {
            i = parent.get(i);
        }
        return i;
    }

    private static String key(String type, String value) {
        return type + "\u0000" + value;
    }
}
