package io.merx.customers.internal;

import java.util.List;

import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;

/**
 * Which dataset columns hold what, shared by every customer kind. Customer, date and amount are required; order,
 * item and category are used when the named column exists in the data (an empty name switches one off).
 *
 * @param customer customer id
 * @param date when the line was bought: an ISO-8601 date ({@code 2016-11-08}) or date-time; only the date counts
 * @param amount what the line cost (a finite number &ge; 0; net returns out before)
 * @param order order id: lines of one customer with the same order id are one order; without it, one customer's
 *        lines of one date are one order
 * @param item item id
 * @param category item category, for the category mix
 */
public record OrderColumns(String customer, String date, String amount, String order, String item, String category) {

    /** The column hyper-parameters every customer kind publishes, with these defaults. */
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("customerColumn", "customer", "column holding the customer id"),
            ParameterSpec.text("dateColumn", "date", "column holding the order date (ISO-8601 date or date-time)"),
            ParameterSpec.text("amountColumn", "amount", "column holding the line amount (number >= 0)"),
            ParameterSpec.text("orderColumn", "order",
                    "column holding the order id; used when present, else one customer's lines of one date are one order"),
            ParameterSpec.text("itemColumn", "item", "column holding the item id; used when present"),
            ParameterSpec.text("categoryColumn", "category",
                    "column holding the item category, for the category mix; used when present"));

    /** The defaults of {@link #PARAMETERS}: {@code customer, date, amount, order, item, category}. */
    public static final OrderColumns DEFAULT = new OrderColumns("customer", "date", "amount", "order", "item",
            "category");

    /** The columns named by a kind's hyper-parameters (those of {@link #PARAMETERS}). */
    public static OrderColumns of(HyperParameters hp) {
        return new OrderColumns(hp.getString("customerColumn"), hp.getString("dateColumn"),
                hp.getString("amountColumn"), hp.getString("orderColumn"), hp.getString("itemColumn"),
                hp.getString("categoryColumn"));
    }
}
