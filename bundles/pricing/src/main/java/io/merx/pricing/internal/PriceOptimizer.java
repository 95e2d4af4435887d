package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the prices that maximise expected profit or revenue over a {@link PriceProblem}: coordinate ascent over
 * each product's discrete price ladder. A sweep tries every candidate of one product with the others fixed and
 * keeps the best feasible one; sweeps repeat until none improves. Moves that break a price-order chain or an
 * inventory target are never taken, so every visited point, and the answer, satisfies all constraints.
 *
 * <p>Coordinate moves alone stall when two chained products both want to move the same way (the cheaper one
 * cannot pass the dearer one), so each sweep also tries shifting whole chains by a few ladder steps. The ascent
 * starts from several points (the current prices, all lowest, all highest, each product's own optimum, and a
 * point that favours inventory targets) and returns the best finish, which guards against the local optima that
 * cross-price effects can create.
 */
final class PriceOptimizer {

    private static final int MAX_SWEEPS = 200;
    private static final int CHAIN_SHIFT = 3;

    /**
     * @param prices the chosen price per product of the problem
     * @param value the objective there
     * @param sweeps coordinate sweeps run over all starts
     * @param evaluations objective evaluations
     */
    record Solution(double[] prices, double value, int sweeps, long evaluations) {
    }

    private final DemandModel model;
    private final PriceProblem problem;
    private final double[] work;
    /** For each position, itself and the positions whose demand depends on its price. */
    private final int[][] affected;
    private long evaluations;
    private int sweeps;

    PriceOptimizer(DemandModel model, PriceProblem problem) {
        this.model = model;
        this.problem = problem;
        this.work = problem.currentPrices().clone();
        this.affected = affected(model, problem.products());
    }

    private static int[][] affected(DemandModel model, int[] products) {
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>();
        for (int a = 0; a < products.length; a++) {
            position.put(products[a], a);
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int a = 0; a < products.length; a++) {
            lists.add(new ArrayList<>(List.of(a)));
        }
        for (int b = 0; b < products.length; b++) {
            for (int j : model.product(products[b]).partners()) {
                Integer a = position.get(j);
                if (a != null && a != b) {
                    lists.get(a).add(b);
                }
            }
        }
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /**
     * @throws IllegalArgumentException naming the constraint when no candidate combination satisfies them all
     */
    Solution solve() {
        int k = problem.size();
        double[][] ladders = problem.ladders();
        List<int[]> starts = new ArrayList<>();
        int[] current = new int[k];
        int[] lowest = new int[k];
        int[] highest = new int[k];
        int[] favourInventory = new int[k];
        for (int a = 0; a < k; a++) {
            current[a] = PriceLadder.nearest(ladders[a], problem.currentPrices()[problem.products()[a]]);
            highest[a] = ladders[a].length - 1;
            favourInventory[a] = problem.minUnits()[a] > 0 ? 0 : ladders[a].length - 1;
        }
        starts.add(current);
        starts.add(lowest);
        starts.add(highest);
        starts.add(ownOptima(current));
        starts.add(favourInventory);

        int[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int[] start : starts) {
            int[] point = repairChains(start.clone());
            if (point == null || !feasible(point)) {
                continue;
            }
            double value = ascend(point);
            if (value > bestValue) {
                bestValue = value;
                best = point;
            }
        }
        if (best == null) {
            throw infeasible();
        }
        double[] prices = new double[k];
        for (int a = 0; a < k; a++) {
            prices[a] = ladders[a][best[a]];
        }
        return new Solution(prices, bestValue, sweeps, evaluations);
    }

    private double ascend(int[] point) {
        double value = value(point);
        double[] contribution = new double[point.length];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            sweeps++;
            double before = value;
            for (int a = 0; a < point.length; a++) {
                // Moving product a changes only its own contribution and those of the products it is a
                // substitute for, so a candidate costs a few terms, not a pass over the whole set.
                int[] touched = affected[a];
                load(point);
                double base = 0;
                for (int b : touched) {
                    contribution[b] = contribution(b);
                    base += contribution[b];
                }
                int keep = point[a];
                int bestIndex = keep;
                double bestGain = 0;
                for (int c = 0; c < problem.ladders()[a].length; c++) {
                    if (c == keep) {
                        continue;
                    }
                    point[a] = c;
                    if (!chainsHold(point)) {
                        continue;
                    }
                    work[problem.products()[a]] = problem.ladders()[a][c];
                    evaluations++;
                    double moved = 0;
                    boolean meetsInventory = true;
                    for (int b : touched) {
                        double units = units(b);
                        meetsInventory &= units >= problem.minUnits()[b] * (1 - 1e-12);
                        moved += margin(b) * units;
                    }
                    if (meetsInventory && moved - base > bestGain) {
                        bestGain = moved - base;
                        bestIndex = c;
                    }
                }
                point[a] = bestIndex;
                value += bestGain;
            }
            value = shiftChains(point, value(point));
            if (value - before <= 1e-12 * Math.max(1, Math.abs(before))) {
                break;
            }
        }
        return value;
    }

    private double units(int b) {
        return model.expectedUnits(problem.products()[b], work, problem.context());
    }

    private double margin(int b) {
        int i = problem.products()[b];
        return problem.objective() == Objective.PROFIT ? work[i] - problem.costs()[b] : work[i];
    }

    private double contribution(int b) {
        return margin(b) * units(b);
    }

    private double shiftChains(int[] point, double value) {
        for (int[] chain : problem.chains()) {
            for (int shift = -CHAIN_SHIFT; shift <= CHAIN_SHIFT; shift++) {
                if (shift == 0) {
                    continue;
                }
                int[] moved = point.clone();
                boolean inRange = true;
                for (int a : chain) {
                    moved[a] += shift;
                    inRange &= moved[a] >= 0 && moved[a] < problem.ladders()[a].length;
                }
                if (inRange && feasible(moved)) {
                    double v = value(moved);
                    if (v > value) {
                        value = v;
                        System.arraycopy(moved, 0, point, 0, point.length);
                    }
                }
            }
        }
        return value;
    }

    /** Each product's best candidate with every other product at its current price. */
    private int[] ownOptima(int[] current) {
        int[] point = current.clone();
        int[] out = current.clone();
        for (int a = 0; a < point.length; a++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < problem.ladders()[a].length; c++) {
                point[a] = c;
                double v = value(point);
                if (v > best) {
                    best = v;
                    out[a] = c;
                }
            }
            point[a] = current[a];
        }
        return out;
    }

    /** Raises later chain members above earlier ones; if that runs off a ladder, lowers earlier ones instead. */
    private int[] repairChains(int[] point) {
        for (int pass = 0; pass < 3; pass++) {
            boolean changed = false;
            for (int[] chain : problem.chains()) {
                for (int m = 1; m < chain.length; m++) {
                    int a = chain[m - 1];
                    int b = chain[m];
                    double floor = problem.ladders()[a][point[a]];
                    if (problem.ladders()[b][point[b]] > floor + 1e-9) {
                        continue;
                    }
                    changed = true;
                    int up = firstAbove(problem.ladders()[b], floor);
                    if (up >= 0) {
                        point[b] = up;
                    } else {
                        int down = lastBelow(problem.ladders()[a], problem.ladders()[b][point[b]]);
                        if (down < 0) {
                            return null;
                        }
                        point[a] = down;
                    }
                }
            }
            if (!changed) {
                return point;
            }
        }
        return chainsHold(point) ? point : null;
    }

    private static int firstAbove(double[] ladder, double price) {
        for (int c = 0; c < ladder.length; c++) {
            if (ladder[c] > price + 1e-9) {
                return c;
            }
        }
        return -1;
    }

    private static int lastBelow(double[] ladder, double price) {
        for (int c = ladder.length - 1; c >= 0; c--) {
            if (ladder[c] < price - 1e-9) {
                return c;
            }
        }
        return -1;
    }

    private boolean chainsHold(int[] point) {
        for (int[] chain : problem.chains()) {
            for (int m = 1; m < chain.length; m++) {
                if (problem.ladders()[chain[m]][point[chain[m]]]
                        <= problem.ladders()[chain[m - 1]][point[chain[m - 1]]] + 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean feasible(int[] point) {
        if (!chainsHold(point)) {
            return false;
        }
        double[] minUnits = problem.minUnits();
        boolean any = false;
        for (double m : minUnits) {
            any |= m > 0;
        }
        if (!any) {
            return true;
        }
        load(point);
        for (int a = 0; a < point.length; a++) {
            if (minUnits[a] > 0
                    && model.expectedUnits(problem.products()[a], work, problem.context())
                            < minUnits[a] * (1 - 1e-12)) {
                return false;
            }
        }
        return true;
    }

    private double value(int[] point) {
        evaluations++;
        load(point);
        double total = 0;
        for (int a = 0; a < point.length; a++) {
            total += contribution(a);
        }
        return total;
    }

    private void load(int[] point) {
        for (int a = 0; a < point.length; a++) {
            work[problem.products()[a]] = problem.ladders()[a][point[a]];
        }
    }

    /** Explains why no start was feasible, naming the inventory target that cannot be reached if there is one. */
    private IllegalArgumentException infeasible() {
        int k = problem.size();
        for (int a = 0; a < k; a++) {
            if (problem.minUnits()[a] <= 0) {
                continue;
            }
            // Most units product a can sell: itself at its lowest price, its substitutes at their highest.
            int[] point = new int[k];
            for (int b = 0; b < k; b++) {
                point[b] = b == a ? 0 : problem.ladders()[b].length - 1;
            }
            load(point);
            double most = model.expectedUnits(problem.products()[a], work, problem.context());
            if (most < problem.minUnits()[a]) {
                String name = model.product(problem.products()[a]).name();
                return new IllegalArgumentException(String.format(Locale.ROOT,
                        "field 'constraints.inventory.%s': clearing it needs %.1f expected units per period, but "
                                + "at most %.1f are expected even at its lowest allowed price %.2f",
                        name, problem.minUnits()[a], most, problem.ladders()[a][0]));
            }
        }
        return new IllegalArgumentException("field 'constraints': no candidate prices meet the inventory targets "
                + "and the price order together; relax constraints.inventory or constraints.priceOrder");
    }
}
