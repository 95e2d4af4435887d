package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;

/**
 * Answers an {@code elasticity} request: a product's own price elasticity with its 95 % interval, its cross
 * elasticities and its promotion/display/competitor effects. A product whose elasticity cannot be estimated gets
 * {@code identified: false}, {@code basis: "none"} and a note saying why, rather than a number.
 */
final class ElasticityResponse {

    /** Two-sided 95 % normal quantile. */
    static final double Z95 = 1.959963984540054;

    private ElasticityResponse() {
    }

    static ScoreResult answer(DemandModel model, ScoreRequest request) {
        String name = request.text("product");
        ProductDemand d = model.product(model.indexOf(name, "product"));
        ScoreResult.Builder out = ScoreResult.builder().put("type", "elasticity").put("product", d.name())
                .put("category", d.category()).put("identified", d.identified()).put("basis", d.basis())
                .put("observations", d.rows()).put("distinctPrices", d.distinctPrices())
                .put("priceRange", List.of(d.minPrice(), d.maxPrice()));
        if (!d.note().isEmpty()) {
            out.put("note", d.note());
        }
        if (!d.estimable()) {
            return out.build();
        }
        estimate(d, ProductDemand.OWN, "elasticity").forEach(out::put);
        DemandModel.CategoryPrior prior = model.prior(d.category());
        if (prior != null) {
            out.put("categoryMean", prior.mean()).put("categorySd", prior.sd());
        }
        List<Map<String, Object>> cross = new ArrayList<>();
        int[] partners = d.partners();
        for (int k = 0; k < partners.length; k++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("product", model.product(partners[k]).name());
            entry.putAll(estimate(d, ProductDemand.FIRST_CROSS + k, "elasticity"));
            cross.add(entry);
        }
        out.put("crossElasticities", cross);
        TermLayout layout = model.layout();
        if (layout.promo()) {
            Map<String, Object> promo = estimate(d, layout.promoIndex(partners.length), "coefficient");
            promo.put("liftPercent", 100 * Math.expm1(d.beta()[layout.promoIndex(partners.length)]));
            out.put("promoEffect", promo);
        }
        if (layout.display()) {
            out.put("displayEffect", estimate(d, layout.displayIndex(partners.length), "coefficient"));
        }
        if (layout.competitor()) {
            out.put("competitorElasticity", estimate(d, layout.competitorIndex(partners.length), "elasticity"));
        }
        return out.build();
    }

    /** Estimate, standard error and 95 % interval of one coefficient. */
    static Map<String, Object> estimate(ProductDemand d, int term, String key) {
        double b = d.beta()[term];
        double se = d.standardError(term);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, b);
        out.put("standardError", se);
        out.put("low", b - Z95 * se);
        out.put("high", b + Z95 * se);
        return out;
    }
}
