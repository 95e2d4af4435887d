package io.merx.risk.transaction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.merx.api.Dataset;

/**
 * Orders of a shop with known truth, drawn from a {@link FraudScenario}: the data of tests, the demo model and the
 * benchmark. One row per order with the columns {@link TransactionColumns} reads, plus {@code pattern}: the truth
 * behind the label ({@code honest}, {@code ring}, {@code stolen_card}, {@code takeover}), which no model reads.
 */
public final class SimulatedShop {

    static final LocalDate START = LocalDate.of(2025, 1, 1);

    private final FraudScenario scenario;
    private final SplittableRandom random;
    private final List<Row> rows = new ArrayList<>();
    private final List<Account> honest = new ArrayList<>();
    private int nextAccount;

    private record Account(String id, LocalDate created, String[] cards, String[] devices, String address,
            String email) {
    }

    private record Row(LocalDateTime time, String customer, LocalDate created, double amount, int items, String card,
            String device, String address, String billing, String email, String pattern) {
    }

    private SimulatedShop(FraudScenario scenario) {
        this.scenario = scenario;
        this.random = new SplittableRandom(scenario.seed());
    }

    /** The scenario's orders, sorted by time; the same scenario gives the same rows. */
    public static Dataset orders(FraudScenario scenario) {
        SimulatedShop shop = new SimulatedShop(scenario);
        shop.honestAccounts();
        shop.rings();
        shop.stolenCards();
        shop.takeovers();
        return shop.dataset();
    }

    private void honestAccounts() {
        String sharedAddress = null;
        for (int a = 0; a < scenario.accounts(); a++) {
            String id = accountId();
            // Most accounts are old; one in ten opens during the period, as honest newcomers do.
            LocalDate created = random.nextDouble() < 0.1 ? START.plusDays(random.nextInt(scenario.days()))
                    : START.minusDays(1 + random.nextInt(700));
            String[] cards = random.nextDouble() < 0.1 ? new String[] {"K-" + id, "K2-" + id} : new String[] {"K-" + id};
            String[] devices = random.nextDouble() < 0.3 ? new String[] {"D-" + id, "D2-" + id} : new String[] {"D-" + id};
            // Households: about 15 % of accounts share their address with the account before them.
            String address = sharedAddress != null && random.nextDouble() < 0.15 ? sharedAddress : "A-" + id;
            sharedAddress = address;
            Account account = new Account(id, created, cards, devices, address, "E-" + id + "@mail.test");
            honest.add(account);
            int orders = poisson(scenario.ordersPerAccount());
            for (int o = 0; o < orders; o++) {
                LocalDateTime time = timeAfter(created, scenario.days(), false);
                if (time == null) {
                    continue;
                }
                // Gifts: 8 % of honest orders ship elsewhere than the billing address.
                String shipTo = random.nextDouble() < 0.08 ? "A-gift-" + random.nextInt(5_000) : address;
                rows.add(new Row(time, id, created, logNormal(50, 0.8), 1 + poisson(1), pick(cards), pick(devices),
                        shipTo, address, account.email(), "honest"));
            }
        }
    }

    /** Rings: new accounts drawing cards, devices, addresses and e-mails from shared pools, in a burst. */
    private void rings() {
        for (int r = 0; r < scenario.rings(); r++) {
            int size = scenario.ringAccounts() / 2 + random.nextInt(scenario.ringAccounts() / 2 + 1);
            size = Math.max(2, size);
            String[] cards = pool("K-ring" + r + "-", (size + 1) / 2);
            String[] devices = pool("D-ring" + r + "-", (size + 2) / 3);
            String[] addresses = pool("A-ring" + r + "-", (size + 2) / 3);
            String[] emails = pool("E-ring" + r + "-", size);
            LocalDate burst = START.plusDays(random.nextInt(Math.max(1, scenario.days() - 5)));
            for (int a = 0; a < size; a++) {
                String id = accountId();
                LocalDate created = burst.minusDays(random.nextInt(4));
                String email = pick(emails) + "@mail.test";
                int orders = 1 + poisson(scenario.ringOrders() - 1);
                for (int o = 0; o < orders; o++) {
                    LocalDateTime time = burst.atStartOfDay().plusDays(random.nextInt(4)).plusHours(hour(0.6))
                            .plusMinutes(random.nextInt(60));
                    String billing = random.nextDouble() < 0.7 ? "B-ring" + r + "-" + random.nextInt(50) : null;
                    String shipTo = pick(addresses);
                    rows.add(new Row(time, id, created, logNormal(150, 0.7), 1 + poisson(2), pick(cards),
                            pick(devices), shipTo, billing == null ? shipTo : billing, email, "ring"));
                }
            }
        }
    }

    /** A card of an honest account, used once or twice by a fresh account on its own device, shipped elsewhere. */
    private void stolenCards() {
        for (int s = 0; s < scenario.stolenCards(); s++) {
            Account victim = honest.get(random.nextInt(honest.size()));
            String id = accountId();
            LocalDateTime first = START.atStartOfDay().plusDays(random.nextInt(scenario.days())).plusHours(hour(0.4))
                    .plusMinutes(random.nextInt(60));
            int orders = 1 + random.nextInt(2);
            for (int o = 0; o < orders; o++) {
                rows.add(new Row(first.plusMinutes(o * (5L + random.nextInt(120))), id, first.toLocalDate(),
                        logNormal(200, 0.6), 1 + poisson(1), victim.cards()[0], "D-" + id, "A-" + id,
                        victim.address(), "E-" + id + "@mail.test", "stolen_card"));
            }
        }
    }

    /** An old account ordering from one of a few fraudsters' devices to one of a few drop addresses. */
    private void takeovers() {
        String[] devices = pool("D-ato-", 10);
        String[] drops = pool("A-drop-", 15);
        for (int t = 0; t < scenario.takeovers(); t++) {
            Account victim = honest.get(random.nextInt(honest.size()));
            LocalDateTime first = START.atStartOfDay().plusDays(random.nextInt(scenario.days())).plusHours(hour(0.5))
                    .plusMinutes(random.nextInt(60));
            if (!first.toLocalDate().isAfter(victim.created())) {
                continue;
            }
            String device = pick(devices);
            String drop = pick(drops);
            int orders = 1 + random.nextInt(3);
            for (int o = 0; o < orders; o++) {
                rows.add(new Row(first.plusMinutes(o * (3L + random.nextInt(90))), victim.id(), victim.created(),
                        logNormal(180, 0.6), 1 + poisson(2), victim.cards()[0], device, drop, victim.address(),
                        victim.email(), "takeover"));
            }
        }
    }

    private Dataset dataset() {
        rows.sort(Comparator.comparing(Row::time).thenComparing(Row::customer));
        int n = rows.size();
        String[] order = new String[n];
        String[] customer = new String[n];
        String[] time = new String[n];
        String[] created = new String[n];
        double[] amount = new double[n];
        double[] items = new double[n];
        String[] card = new String[n];
        String[] device = new String[n];
        String[] address = new String[n];
        String[] billing = new String[n];
        String[] email = new String[n];
        double[] fraud = new double[n];
        String[] pattern = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            order[i] = String.format("O%06d", i + 1);
            customer[i] = row.customer();
            time[i] = row.time().toString();
            created[i] = row.created().toString();
            amount[i] = Math.round(row.amount() * 100) / 100.0;
            items[i] = row.items();
            card[i] = row.card();
            device[i] = row.device();
            address[i] = row.address();
            billing[i] = row.billing();
            email[i] = row.email();
            fraud[i] = "honest".equals(row.pattern()) ? 0 : 1;
            pattern[i] = row.pattern();
        }
        return Dataset.builder().strings("order_id", order).strings("customer_id", customer)
                .strings("order_time", time).strings("account_created", created).numbers("amount", amount)
                .numbers("items", items).strings("card", card).strings("device", device).strings("address", address)
                .strings("billing_address", billing).strings("email", email).numbers("fraud", fraud)
                .strings("pattern", pattern).build();
    }

    private String accountId() {
        return String.format("C%05d", nextAccount++);
    }

    /** A time uniform over the period, not before the account was created; null when it was created after it. */
    private LocalDateTime timeAfter(LocalDate created, int days, boolean night) {
        LocalDate first = created.isAfter(START) ? created : START;
        long span = days - (first.toEpochDay() - START.toEpochDay());
        if (span <= 0) {
            return null;
        }
        return first.atStartOfDay().plusDays(random.nextLong(span)).plusHours(hour(night ? 1 : 0.07))
                .plusMinutes(random.nextInt(60));
    }

    /** An hour of the day: between midnight and 6 with probability {@code night}, else a day or evening hour. */
    private int hour(double night) {
        return random.nextDouble() < night ? random.nextInt(6) : 6 + random.nextInt(18);
    }

    private String[] pool(String prefix, int size) {
        String[] pool = new String[size];
        for (int i = 0; i < size; i++) {
            pool[i] = prefix + i;
        }
        return pool;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
