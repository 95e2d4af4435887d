package io.merx.risk.transaction;

/**
 * The stated parameters of a {@link SimulatedShop}: how many honest accounts and rings, how often cards are stolen
 * and accounts taken over. Every fraud pattern leaves the traces the issue names and nothing else: rings share
 * cards, devices, addresses and e-mails among new accounts and order in bursts at night with billing and shipping
 * apart; a stolen card appears on a fresh account with its own device; a takeover is an old account ordering
 * from a new device to a new address. Honest noise overlaps each trace (households share addresses, people shop
 * at night, send gifts elsewhere), so no single feature separates the classes.
 *
 * @param accounts honest accounts
 * @param days length of the simulated period
 * @param ordersPerAccount mean honest orders per account over the period (Poisson)
 * @param rings fraud rings
 * @param ringAccounts accounts per ring (each ring draws between half this and this)
 * @param ringOrders mean orders per ring account, placed within a burst of a few days
 * @param stolenCards cards stolen from honest accounts and used once or twice by a fresh account
 * @param takeovers honest accounts taken over for one to three orders
 * @param seed seed of every random draw
 */
public record FraudScenario(int accounts, int days, double ordersPerAccount, int rings, int ringAccounts,
        double ringOrders, int stolenCards, int takeovers, long seed) {

    /** The demo shop: about 5 % of some 10,500 orders are fraud. */
    public static final FraudScenario DEMO = new FraudScenario(2_000, 120, 5, 20, 8, 3, 70, 50, 42);

    public FraudScenario {
        positive("accounts", accounts);
        positive("days", days);
        if (!(ordersPerAccount > 0) || ordersPerAccount > 100) {
            throw new IllegalArgumentException("ordersPerAccount must be in (0, 100], got " + ordersPerAccount);
        }
        if (rings < 0 || stolenCards < 0 || takeovers < 0) {
            throw new IllegalArgumentException("rings, stolenCards and takeovers must be >= 0");
        }
        if (ringAccounts < 2) {
            throw new IllegalArgumentException("ringAccounts must be >= 2, got " + ringAccounts);
        }
        if (!(ringOrders >= 1)) {
            throw new IllegalArgumentException("ringOrders must be >= 1, got " + ringOrders);
        }
        if (takeovers > accounts || stolenCards > accounts) {
            throw new IllegalArgumentException("stolenCards and takeovers must not exceed accounts (" + accounts + ")");
        }
    }

    /** The same scenario with another size and seed, for tests. */
    public FraudScenario scaled(int newAccounts, long newSeed) {
        double f = (double) newAccounts / accounts;
        return new FraudScenario(newAccounts, days, ordersPerAccount, Math.max(1, (int) Math.round(rings * f)),
                ringAccounts, ringOrders, (int) Math.round(stolenCards * f), (int) Math.round(takeovers * f), newSeed);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
