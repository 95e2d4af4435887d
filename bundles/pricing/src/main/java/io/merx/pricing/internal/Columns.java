package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.List;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;

/**
 * The column names of a sales history, taken from the hyper-parameters. Optional columns (promotion, display,
 * category, competitor price) are used only when the data has them, so one set of defaults fits data with and
 * without them; an empty name switches a column off.
 *
 * @param product product identifier (text or number)
 * @param period period identifier; numeric periods sort numerically, text periods lexically (ISO dates work)
 * @param price positive unit price
 * @param units units sold, at least 0
 * @param promo promotion flag or share in [0, 1], or null when absent
 * @param display display flag or share, or null when absent
 * @param category category of the product, or null when absent (then every product is in one category)
 * @param competitorPrice a competitor's price for the product, or null when absent
 */
record Columns(String product, String period, String price, String units, String promo, String display,
        String category, String competitorPrice) {

    /** The hyper-parameters naming the columns, read by {@link #resolve}. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("productColumn", "product", "column identifying the product"),
            ParameterSpec.text("periodColumn", "period", "column identifying the period (week, date); numbers sort "
                    + "numerically, text lexically"),
            ParameterSpec.text("priceColumn", "price", "unit price, above 0"),
            ParameterSpec.text("unitsColumn", "units", "units sold, 0 or more"),
            ParameterSpec.text("promoColumn", "promo", "promotion flag or share; used when the data has it"),
            ParameterSpec.text("displayColumn", "display", "display flag or share; used when the data has it"),
            ParameterSpec.text("categoryColumn", "category", "product category: substitutes and shrinkage target; "
                    + "without it all products form one category"),
            ParameterSpec.text("competitorPriceColumn", "competitor_price", "a competitor's price for the product; "
                    + "used when the data has it"));

    /** The column parameters followed by the trainer's own. */
    static List<ParameterSpec> with(List<ParameterSpec> own) {
        List<ParameterSpec> all = new ArrayList<>(PARAMETERS);
        all.addAll(own);
        return List.copyOf(all);
    }

    static Columns resolve(HyperParameters hp, Dataset data) {
        return new Columns(required(hp, "productColumn", data), required(hp, "periodColumn", data),
                required(hp, "priceColumn", data), required(hp, "unitsColumn", data),
                optional(hp, "promoColumn", data), optional(hp, "displayColumn", data),
                optional(hp, "categoryColumn", data), optional(hp, "competitorPriceColumn", data));
    }

    private static String required(HyperParameters hp, String parameter, Dataset data) {
        String name = hp.getString(parameter);
        if (name.isBlank()) {
            throw new IllegalArgumentException("hyper-parameter '" + parameter + "' must name a column");
        }
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException("missing column '" + name + "' (hyper-parameter '" + parameter
                    + "'); the data has " + data.columnNames());
        }
        return name;
    }

    private static String optional(HyperParameters hp, String parameter, Dataset data) {
        String name = hp.getString(parameter);
        return !name.isBlank() && data.hasColumn(name) ? name : null;
    }
}
