package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.merx.corenlp.Entity;

/**
 * The shop's own identifiers, which no general NER model knows: order numbers (pattern configurable per shop),
 * parcel tracking numbers and e-mail addresses. They are found with regular expressions before CoreNLP's
 * entities, and win where both overlap (CoreNLP would call an order number a NUMBER).
 */
final class PatternEntities {

    static final String ORDER_ID = "ORDER_ID";
    static final String TRACKING_NUMBER = "TRACKING_NUMBER";
    static final String EMAIL = "EMAIL";

    /** "#123456", "ORD-1234567", "order 123456", "order number: 123456", "order no. #123456". */
    static final String DEFAULT_ORDER_PATTERN =
            "(?i)(?:\\bORD-?(\\d{5,12})\\b|#(\\d{5,12})\\b|\\border\\s*(?:number|no\\.?|id|#)?\\s*:?\\s*#?(\\d{5,12})\\b)";

    private static final Pattern TRACKING = Pattern.compile(
            "\\b(1Z[0-9A-Z]{16})\\b|(?i:\\btracking\\s*(?:number|no\\.?|#|id)?\\s*:?\\s*)([A-Z0-9]{10,30})\\b");
    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "\\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}\\b");

    private final Pattern orderPattern;

    /**
     * @throws IllegalArgumentException naming {@code orderIdPattern} when the expression does not compile
     */
    PatternEntities(String orderIdPattern) {
        try {
            this.orderPattern = Pattern.compile(orderIdPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("hyper-parameter 'orderIdPattern' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    String orderPattern() {
        return orderPattern.pattern();
    }

    /** Matches in text order; the value is the identifier without decoration ("#", "ORD-", "order number"). */
    List<Entity> find(String text) {
        List<Entity> found = new ArrayList<>();
        collect(TRACKING, TRACKING_NUMBER, text, found, false);
        collect(orderPattern, ORDER_ID, text, found, false);
        collect(EMAIL_PATTERN, EMAIL, text, found, true);
        found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return found;
    }

    private static void collect(Pattern pattern, String type, String text, List<Entity> found, boolean lowerCase) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int begin = m.start();
            int end = m.end();
            if (overlaps(found, begin, end)) {
                continue;
            }
            String value = m.group();
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    value = m.group(g);
                    break;
                }
            }
            found.add(new Entity(type, m.group(), lowerCase ? value.toLowerCase(Locale.ROOT) : value, begin, end));
        }
    }

    static boolean overlaps(List<Entity> entities, int begin, int end) {
        for (Entity e : entities) {
            if (begin < e.end() && e.begin() < end) {
                return true;
            }
        }
        return false;
    }
}
