package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;

/** Bad sales histories are refused naming the column and row; what cannot be estimated is said, not guessed. */
class BadInputTest {

    @TempDir
    Path dir;

    private static Dataset history(double[] price, double[] units) {
        int n = price.length;
        String[] product = new String[n];
        double[] period = new double[n];
        for (int i = 0; i < n; i++) {
            product[i] = i % 2 == 0 ? "a" : "b";
            period[i] = i / 2 + 1;
        }
        return Dataset.builder().strings("product", product).numbers("period", period).numbers("price", price)
                .numbers("units", units).build();
    }

    private static IllegalArgumentException refused(Dataset data, Map<String, ?> parameters) {
        return assertThrows(IllegalArgumentException.class, () -> Fixtures.train(data, parameters));
    }

    @Test
    void nonPositivePricesAndNegativeUnitsAreRefused() {
        IllegalArgumentException zeroPrice = refused(history(new double[] {2, 3, 0, 3}, new double[] {5, 5, 5, 5}),
                Map.of());
        assertTrue(zeroPrice.getMessage().contains("column 'price' row 3"), zeroPrice.getMessage());
        IllegalArgumentException negative = refused(history(new double[] {2, 3, 2, 3}, new double[] {5, -1, 5, 5}),
                Map.of());
        assertTrue(negative.getMessage().contains("column 'units' row 2"), negative.getMessage());
        IllegalArgumentException missing = refused(history(new double[] {2, 3, 2, 3}, new double[] {5, 5, 5, 5}),
                Map.of("unitsColumn", "sales"));
        assertTrue(missing.getMessage().contains("'sales'") && missing.getMessage().contains("unitsColumn"),
                missing.getMessage());
    }

    @Test
    void zeroUnitRowsAreDroppedOrRejectedAsConfigured() throws Exception {
        Dataset data = MarketSimulator.create(2, 3, 30, 5).history();
        double[] units = data.numbers("units").clone();
        units[4] = 0;
        Dataset withZero = Dataset.builder().strings("product", data.strings("product"))
                .strings("category", data.strings("category")).numbers("period", data.numbers("period"))
                .numbers("price", data.numbers("price")).numbers("units", units).build();
        try (TrainedModel model = Fixtures.train(withZero, Map.of())) {
            assertEquals(1.0, model.provenance().metrics().get("zeroUnitRowsDropped"));
        }
        IllegalArgumentException rejected = refused(withZero, Map.of("zeroUnits", "reject"));
        String message = rejected.getMessage();
        assertTrue(message.contains("column 'units' row 5") && message.contains("zeroUnits"), message);
    }

    @Test
    void aSingleObservedPriceIsReportedAsNotIdentifiable() throws Exception {
        Dataset market = MarketSimulator.create(3, 3, 30, 6).history();
        String[] product = market.strings("product");
        double[] price = market.numbers("price").clone();
        for (int r = 0; r < price.length; r++) {
            if (product[r].equals("c0-p0")) {
                price[r] = 2.49;
            }
        }
        Dataset data = Dataset.builder().strings("product", product).strings("category", market.strings("category"))
                .numbers("period", market.numbers("period")).numbers("price", price)
                .numbers("units", market.numbers("units")).numbers("promo", market.numbers("promo")).build();

        try (Scorer pooled = Fixtures.scorer(data, Map.of(), dir.resolve("pooled"))) {
            ScoreResult result = pooled.score(ScoreRequest.of(Map.of("type", "elasticity", "product", "c0-p0")));
            assertEquals(false, result.outputs().get("identified"));
            assertEquals("category prior", result.text("basis"));
            assertTrue(result.text("note").contains("single observed price (2.49)"), result.text("note"));
            assertTrue(result.number("high") > result.number("low"));
        }
        try (Scorer plain = Fixtures.scorer(data, Map.of("shrinkage", "none"), dir.resolve("plain"))) {
            ScoreResult result = plain.score(ScoreRequest.of(Map.of("type", "elasticity", "product", "c0-p0")));
            assertEquals("none", result.text("basis"));
            assertFalse(result.outputs().containsKey("elasticity"));
            assertTrue(result.text("note").contains("single observed price"), result.text("note"));
            IllegalArgumentException optimize = assertThrows(IllegalArgumentException.class,
                    () -> plain.score(ScoreRequest.of(Map.of("type", "optimize", "products", List.of("c0-p0"),
                            "objective", "revenue"))));
            assertTrue(optimize.getMessage().contains("not identifiable"), optimize.getMessage());
        }
    }

    @Test
    void historyWithoutAnyPriceVariationIsRefused() {
        IllegalArgumentException flat = refused(history(new double[] {2, 3, 2, 3, 2, 3, 2, 3},
                new double[] {5, 6, 7, 5, 6, 7, 5, 6}), Map.of("holdout", 0));
        assertTrue(flat.getMessage().contains("no product's elasticity can be estimated")
                && flat.getMessage().contains("single observed price"), flat.getMessage());
    }

    @Test
    void pricesThatOnlyMoveInTheHeldOutWeeksStillTrain() throws Exception {
        double[] price = new double[20];
        double[] units = new double[20];
        for (int i = 0; i < 20; i++) {
            price[i] = i < 16 ? (i % 2 == 0 ? 2 : 3) : (i % 2 == 0 ? 2 + 0.1 * i : 3 - 0.05 * i);
            units[i] = Math.round(100 * Math.pow(price[i], -2));
        }
        try (TrainedModel model = Fixtures.train(history(price, units), Map.of())) {
            assertEquals(0.0, model.provenance().metrics().get("holdoutRows"));
            assertEquals(2, Fixtures.demand(model).products().stream().filter(ProductDemand::estimable).count());
        }
    }

    @Test
    void duplicateRowsAndInconsistentCategoriesAreRefused() {
        Dataset twice = Dataset.builder().strings("product", new String[] {"a", "a"})
                .numbers("period", new double[] {1, 1}).numbers("price", new double[] {1, 2})
                .numbers("units", new double[] {3, 4}).build();
        IllegalArgumentException duplicate = refused(twice, Map.of());
        assertTrue(duplicate.getMessage().contains("row 2") && duplicate.getMessage().contains("period '1'"),
                duplicate.getMessage());
        Dataset moved = Dataset.builder().strings("product", new String[] {"a", "a"})
                .strings("category", new String[] {"x", "y"}).numbers("period", new double[] {1, 2})
                .numbers("price", new double[] {1, 2}).numbers("units", new double[] {3, 4}).build();
        IllegalArgumentException category = refused(moved, Map.of());
        assertTrue(category.getMessage().contains("column 'category' row 2"), category.getMessage());
    }
}
