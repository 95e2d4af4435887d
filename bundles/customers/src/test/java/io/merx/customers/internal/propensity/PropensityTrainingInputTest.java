package io.merx.customers.internal.propensity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.customers.internal.SyntheticOrders;

/** Training data that cannot give a propensity model is refused before any fit, naming what to change. */
class PropensityTrainingInputTest {

    private final PropensityKind kind = new PropensityKind();

    private IllegalArgumentException refused(Dataset data, Map<String, Object> hp) {
        return assertThrows(IllegalArgumentException.class, () -> kind.newTrainer(
                HyperParameters.of(kind.parameters(), hp)).train(data, TrainingContext.silent()));
    }

    @Test
    void dataTooShortForTheHorizonNamesHorizonDaysAndCutoffs() {
        Dataset year = SyntheticOrders.generate(200, LocalDate.of(2024, 1, 1), 365, 1).dataset();
        String message = refused(year, Map.of("horizonDays", 90L)).getMessage();
        assertTrue(message.contains("horizonDays=90") && message.contains("cutoffs=3"), message);
    }

    @Test
    void aMissingColumnIsNamed() {
        Dataset data = Dataset.builder().strings("client", new String[] {"a"}).strings("date",
                new String[] {"2024-01-01"}).numbers("amount", new double[] {1}).build();
        String message = refused(data, Map.of()).getMessage();
        assertTrue(message.contains("'customer'") && message.contains("customerColumn"), message);
    }

    @Test
    void aBadDateIsNamedWithItsRow() {
        Dataset data = Dataset.builder().strings("customer", new String[] {"a", "b"}).strings("date",
                new String[] {"2024-01-01", "01/02/2024"}).numbers("amount", new double[] {1, 2}).build();
        String message = refused(data, Map.of()).getMessage();
        assertTrue(message.contains("'date' row 2"), message);
    }
}
