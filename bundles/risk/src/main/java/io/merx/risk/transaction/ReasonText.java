package io.merx.risk.transaction;

import java.util.Locale;

/** What a reason code says to the person reviewing the order, from the feature and its raw value. */
final class ReasonText {

    private ReasonText() {
    }

    static String of(String feature, double raw) {
        long count = Math.round(Math.expm1(raw));
        if (feature.matches("(card|device|address|email)Orders.*")) {
            String type = feature.substring(0, feature.indexOf("Orders"));
            String window = feature.substring(feature.indexOf("Orders") + 6);
            return "this " + type + " placed " + count + " other order" + (count == 1 ? "" : "s") + " in the last "
                    + window;
        }
        return switch (feature) {
            case "amount" -> String.format(Locale.ROOT, "high amount (%.2f)", Math.expm1(raw));
            case "items" -> count + " items";
            case "accountAgeDays" -> "account " + count + " days old";
            case "newAccount" -> "account opened less than 2 days ago";
            case "priorOrders" -> count + " earlier orders on the account";
            case "billingShippingMismatch" -> "shipping address differs from the billing address";
            case "night" -> "placed between midnight and 6 am";
            case "hourSin", "hourCos" -> "unusual time of day";
            case "newCardForAccount" -> "card never used by this account before";
            case "newDeviceForAccount" -> "device never used by this account before";
            case "newAddressForAccount" -> "shipping address never used by this account before";
            case "sharedIdentifiers" -> (long) raw + " of its identifiers are used by other accounts";
            case "linkedAccounts" -> "linked to " + count + " other account" + (count == 1 ? "" : "s")
                    + " by shared identifiers";
            case "ringSize" -> "part of a ring of " + Math.round(Math.exp(raw)) + " linked accounts";
            case "ringFraudAccounts" -> count + " known fraud account" + (count == 1 ? "" : "s") + " in its ring";
            case "fraudProximity" -> Math.round(1 / raw) + " hop" + (Math.round(1 / raw) == 1 ? "" : "s")
                    + " from a known fraud account";
            default -> feature;
        };
    }
}
