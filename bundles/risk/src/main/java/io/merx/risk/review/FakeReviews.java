package io.merx.risk.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.merx.api.Dataset;

/**
 * Reviews with known truth: genuine reviewers writing real texts (their stars follow the text's label, with honest
 * noise), and three kinds of abuse the model must find. <b>Rings</b>: a few accounts created days before a burst
 * post 5-star (or, attacking a rival, 1-star) reviews of one product within hours, most of them paraphrases of one
 * template. <b>Copiers</b>: lone older accounts re-posting a paraphrase of another account's review. <b>Mismatch</b>:
 * ordinary-looking accounts giving 5 stars to a text labelled "other" (not great). Genuine noise that looks like
 * abuse is planted on purpose: new genuine accounts, genuine shopping-spree bursts, honest rating slips, and genuine
 * texts reused once the text pool runs out. Seeded; the parameters are {@link Settings}.
 */
public final class FakeReviews {

    /** A real review text and whether its source rated it great (5 stars). */
    public record Text(String text, boolean great) {
    }

    /** Generated reviews and the truth of each row ({@code genuine}, {@code ring}, {@code copy}, {@code mismatch}). */
    public record Generated(Dataset dataset, List<String> truth) {
    }

    /**
     * The generator's parameters.
     *
     * @param reviewers genuine reviewers
     * @param days length of the period
     * @param products catalogue size (popularity is Zipf-like)
     * @param rings review rings
     * @param copiers lone accounts re-posting others' texts
     * @param mismatches reviews rated against their own text by abusers
     * @param newGenuineShare genuine accounts created during the period
     * @param spreeShare genuine reviewers who post 3-6 reviews within hours
     * @param ratingSlip genuine reviews whose stars are drawn at random
     * @param ringCopyShare ring reviews that paraphrase the ring's template (the rest use fresh texts)
     */
    public record Settings(int reviewers, int days, int products, int rings, int copiers, int mismatches,
            double newGenuineShare, double spreeShare, double ratingSlip, double ringCopyShare) {

        /** The demo model's world: 300 reviewers over 60 days. */
        public static Settings demo() {
            return new Settings(300, 60, 120, 8, 15, 15, 0.15, 0.05, 0.05, 0.6);
        }

        /** The benchmark's world: 1,800 reviewers over 180 days. */
        public static Settings benchmark() {
            return new Settings(1_800, 180, 600, 40, 80, 80, 0.15, 0.05, 0.05, 0.6);
        }
    }

    static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long DAY = 86_400;
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("great", "excellent"),
            Map.entry("good", "nice"), Map.entry("love", "adore"), Map.entry("taste", "flavor"),
            Map.entry("product", "item"), Map.entry("buy", "order"), Map.entry("really", "truly"),
            Map.entry("very", "so"), Map.entry("best", "finest"), Map.entry("delicious", "tasty"),
            Map.entry("bad", "poor"), Map.entry("bought", "purchased"));

    private record Row(String reviewer, String product, long time, long created, int rating, String text,
            String truth) {
    }

    private final SplittableRandom random;
    private final List<Text> great = new ArrayList<>();
    private final List<Text> other = new ArrayList<>();
    private final Settings settings;
    private final List<Row> rows = new ArrayList<>();
    private int nextGreat;
    private int nextOther;

    private FakeReviews(List<Text> texts, Settings settings, long seed) {
        this.random = new SplittableRandom(seed);
        this.settings = settings;
        List<Text> shuffled = new ArrayList<>(texts);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        for (Text t : shuffled) {
            (t.great() ? great : other).add(t);
        }
        if (great.isEmpty() || other.isEmpty()) {
            throw new IllegalArgumentException("texts: both great and other texts are needed");
        }
    }

    /** Generates a world of reviews from real texts. */
    public static Generated generate(List<Text> texts, Settings settings, long seed) {
        FakeReviews g = new FakeReviews(texts, settings, seed);
        g.genuine();
        g.rings();
        g.copiers();
        g.mismatches();
        return g.build();
    }

    private void genuine() {
        for (int a = 0; a < settings.reviewers(); a++) {
            String reviewer = String.format("U%05d", a);
            boolean newAccount = random.nextDouble() < settings.newGenuineShare();
            long created = newAccount ? START + random.nextLong(settings.days() * DAY)
                    : START - random.nextLong(3 * 365 * DAY) - DAY;
            int count = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
            boolean spree = random.nextDouble() < settings.spreeShare();
            if (spree) {
                count = 3 + random.nextInt(4);
            }
            long first = Math.max(START, created + DAY / 4) + random.nextLong(Math.max(1, settings.days() * DAY / 2));
            for (int k = 0; k < count; k++) {
                long time = spree ? first + random.nextLong(6 * 3_600) : Math.max(created + 3_600,
                        START + random.nextLong(settings.days() * DAY));
                boolean isGreat = random.nextDouble() < 0.6;
                Text t = isGreat ? nextText(true) : nextText(false);
                int rating = random.nextDouble() < settings.ratingSlip() ? 1 + random.nextInt(5) : stars(t.great());
                rows.add(new Row(reviewer, product(), time, created, rating, t.text(), "genuine"));
            }
        }
    }

    private void rings() {
        for (int ring = 0; ring < settings.rings(); ring++) {
            boolean attack = random.nextDouble() < 0.2;
            String target = product();
            long burst = START + DAY * 7 + random.nextLong((settings.days() - 8) * DAY);
            long span = 6 * 3_600 + random.nextLong(42 * 3_600);
            Text template = nextText(!attack);
            int size = 4 + random.nextInt(7);
            for (int a = 0; a < size; a++) {
                String reviewer = String.format("R%03d-%02d", ring, a);
                long created = burst - random.nextLong(14 * DAY) - 3_600;
                int reviews = 1 + random.nextInt(2);
                for (int k = 0; k < reviews; k++) {
                    String text = random.nextDouble() < settings.ringCopyShare() ? paraphrase(template.text())
                            : nextText(!attack).text();
                    rows.add(new Row(reviewer, k == 0 ? target : product(), burst + random.nextLong(span), created,
                            attack ? 1 : 5, text, "ring"));
                }
            }
        }
    }

    private void copiers() {
        List<Row> genuine = rows.stream().filter(r -> r.truth().equals("genuine") && r.rating() >= 4).toList();
        for (int c = 0; c < settings.copiers(); c++) {
            Row source = genuine.get(random.nextInt(genuine.size()));
            long created = START - random.nextLong(365 * DAY) - DAY;
            long time = source.time() + 3_600 + random.nextLong(20 * DAY);
            rows.add(new Row(String.format("C%04d", c), product(), time, created, 5, paraphrase(source.text()),
                    "copy"));
        }
    }

    private void mismatches() {
        for (int m = 0; m < settings.mismatches(); m++) {
            long created = START - random.nextLong(2 * 365 * DAY) - DAY;
            rows.add(new Row(String.format("M%04d", m), product(), START + random.nextLong(settings.days() * DAY),
                    created, 5, nextText(false).text(), "mismatch"));
        }
    }

    private Generated build() {
        rows.sort(Comparator.comparingLong(Row::time).thenComparing(Row::reviewer));
        int n = rows.size();
        String[] reviewer = new String[n];
        String[] product = new String[n];
        String[] time = new String[n];
        String[] created = new String[n];
        double[] rating = new double[n];
        String[] text = new String[n];
        double[] abuse = new double[n];
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            reviewer[i] = r.reviewer();
            product[i] = r.product();
            time[i] = Instant.ofEpochSecond(r.time()).toString();
            // a tenth of the accounts' creation dates are unknown to the shop (guest checkouts, imports)
            created[i] = Math.floorMod(r.reviewer().hashCode(), 10) == 0 ? "" : Instant.ofEpochSecond(r.created())
                    .toString();
            rating[i] = r.rating();
            text[i] = r.text();
            abuse[i] = r.truth().equals("genuine") ? 0 : 1;
            truth.add(r.truth());
        }
        Dataset dataset = Dataset.builder().strings("reviewer", reviewer).strings("product", product)
                .strings("time", time).strings("accountCreated", created).numbers("rating", rating)
                .strings("text", text).numbers("abuse", abuse).build();
        return new Generated(dataset, List.copyOf(truth));
    }

    /** Genuine stars: great texts 5 (85 %) or 4; other texts 1 to 4. */
    private int stars(boolean isGreat) {
        if (isGreat) {
            return random.nextDouble() < 0.85 ? 5 : 4;
        }
        double u = random.nextDouble();
        return u < 0.25 ? 1 : u < 0.45 ? 2 : u < 0.7 ? 3 : 4;
    }

    /** Zipf-like popularity: a few products get most reviews, so bursts hit products that have genuine reviews. */
    private String product() {
        int p = (int) Math.floor(Math.pow(settings.products(), random.nextDouble())) - 1;
        return String.format("P%04d", p);
    }

    /** The next unused text of a side; the pool cycles once exhausted (genuine reuse, a source of false alarms). */
    private Text nextText(boolean isGreat) {
        return isGreat ? great.get(nextGreat++ % great.size()) : other.get(nextOther++ % other.size());
    }

    /** Drops, swaps and replaces a few words, and sometimes the first sentence: a lazy rewrite of a template. */
    String paraphrase(String text) {
        String body = text;
        int sentence = body.indexOf(". ");
        if (random.nextDouble() < 0.3 && sentence > 0 && sentence < body.length() / 2) {
            body = body.substring(sentence + 2);
        }
        String[] words = body.split(" ");
        List<String> out = new ArrayList<>();
        for (String w : words) {
            double u = random.nextDouble();
            if (u < 0.08) {
                continue;
            }
            String key = w.toLowerCase(java.util.Locale.ROOT);
            out.add(u < 0.2 && SYNONYMS.containsKey(key) ? SYNONYMS.get(key) : w);
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            if (random.nextDouble() < 0.04) {
                out.set(i + 1, out.set(i, out.get(i + 1)));
            }
        }
        return out.isEmpty() ? text : String.join(" ", out);
    }
}
