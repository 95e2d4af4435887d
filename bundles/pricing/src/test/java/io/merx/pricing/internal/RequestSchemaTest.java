package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The schema itself says which fields each request type needs, so the runtime refuses a bad request up front. */
class RequestSchemaTest {

    private static String refusal(Map<String, Object> inputs) {
        return assertThrows(IllegalArgumentException.class, () -> PricingScorer.SCHEMA.validate(inputs))
                .getMessage();
    }

    @Test
    void eachRequestTypeNamesTheFieldItNeeds() {
        assertEquals("missing field 'product' (string), required when 'type' is 'elasticity'",
                refusal(Map.of("type", "elasticity")));
        assertEquals("missing field 'prices' (object), required when 'type' is 'predict'",
                refusal(Map.of("type", "predict", "product", "c0-p0")));
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertEquals("field 'type' must be one of [elasticity, predict, optimize], got 'forecast'",
                refusal(Map.of("type", "forecast")));
    }
}
