package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * An ensemble model (ETS, Theta, MLP members; 4 monthly series) saved by the release before the faster optimiser
 * and MLP training, with the forecasts it gave then: it must still load and give the same numbers, since the
 * stored parameters, not the fitting code, decide a stored series' forecast.
 */
class ArtifactCompatibilityTest {

    @Test
    void anArtifactFromTheEarlierReleaseLoadsAndForecastsAsBefore() throws Exception {
        Path dir = Path.of(getClass().getResource("/artifacts/v1-ensemble/forecasting.properties").toURI())
                .getParent();
        List<String> expected = expectedLines();
        assertEquals(4, expected.size());
        try (Scorer scorer = new ForecastingKind().load(dir)) {
            for (String line : expected) {
                String[] fields = line.trim().split(" ");
                double[] numbers = Arrays.stream(fields, 1, fields.length).mapToDouble(Double::parseDouble).toArray();
                ScoreResult result = scorer.score(ScoreRequest.of(Map.of("series", fields[0], "horizon", 8)));
                List<String> outputs = List.of("forecast", "lower80", "upper80", "lower95", "upper95");
                for (int k = 0; k < outputs.size(); k++) {
                    assertArrayEquals(Arrays.copyOfRange(numbers, 8 * k, 8 * k + 8),
                            (double[]) result.outputs().get(outputs.get(k)), 1e-9, fields[0] + " " + outputs.get(k));
                }
            }
        }
    }

    private List<String> expectedLines() throws IOException, URISyntaxException {
        try (InputStream in = getClass().getResourceAsStream("/artifacts/v1-ensemble-forecasts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
