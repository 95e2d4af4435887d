package io.merx.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;

class MethodsTest {

    private static Settings settings(String method, int season) {
        return Settings.of(HyperParameters.of(Settings.PARAMETERS, Map.of("method", method, "season", season)));
    }

    @Test
    void thetaContinuesHalfTheTrend() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t + (t % 2 == 0 ? 0.5 : -0.5);
        }
        Forecast f = ThetaFit.fit(y, 1).forecast(3);
        assertTrue(f.mean()[1] > f.mean()[0] && f.mean()[2] > f.mean()[1], "rising");
        assertEquals(1.0, f.mean()[2] - f.mean()[1], 0.05, "Theta extrapolates half the slope");
    }

    @Test
    void intermittentDemandGetsCrostonWithNonNegativeBounds() {
        double[] y = {0, 0, 3, 0, 0, 0, 4, 0, 0, 2, 0, 0, 0, 5, 0, 0, 3, 0, 0, 0, 4, 0};
        FittedSeries fit = new SeriesForecaster(settings("auto-ets", 1), null).fit(y);
        assertTrue(fit.model().startsWith("Croston-SBA"), fit.model());
        Forecast f = Forecasts.finish(fit, y, 4);
        assertTrue(f.mean()[0] > 0.6 && f.mean()[0] < 1.6, "rate near mean demand per period: " + f.mean()[0]);
        for (int i = 0; i < 4; i++) {
            assertTrue(f.lower95()[i] >= 0 && f.upper95()[i] > f.mean()[i]);
        }
    }

    @Test
    void constantAndZeroSeriesForecastThemselves() {
        SeriesForecaster forecaster = new SeriesForecaster(settings("ensemble", 12), null);
        FittedSeries zeros = forecaster.fit(new double[30]);
        assertTrue(zeros.model().contains("all zeros"), zeros.model());
        assertEquals(0, zeros.forecast(5).upper95()[4], 0);
        FittedSeries seven = forecaster.fit(new double[] {7, 7, 7, 7, 7});
        assertEquals(7, seven.forecast(2).mean()[1], 0);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 2, 3, 4, 1, 2, 3, 5, 1, 2, 3, 6};
        Forecast f = new SeriesForecaster(settings("snaive", 4), null).fit(y).forecast(6);
        assertEquals(List.of(1.0, 2.0, 3.0, 6.0, 1.0, 2.0), java.util.Arrays.stream(f.mean()).boxed().toList());
        assertTrue(f.upper95()[4] - f.mean()[4] > f.upper95()[0] - f.mean()[0], "widens after a season");
    }

    @Test
    void tableMapsMonthlyDatesInterpolatesGapsAndRefusesDuplicates() {
        Dataset data = Dataset.builder()
                .strings("series", new String[] {"a", "a", "a", "a", "b"})
                .strings("t", new String[] {"2024-01-01", "2024-02-01", "2024-04-01", "2024-05", "2024-01-01"})
                .numbers("value", new double[] {1, 2, 4, Double.NaN, 9}).build();
        SeriesTable table = SeriesTable.from(data, settings("auto-ets", 0));
        assertEquals(12, table.season());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), java.util.Arrays.stream(table.series().get("a")).boxed().toList(),
                "March interpolated, trailing NaN dropped");
        Dataset duplicate = Dataset.builder().strings("series", new String[] {"a", "a"})
                .numbers("t", new double[] {1, 1}).numbers("value", new double[] {1, 2}).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SeriesTable.from(duplicate, settings("auto-ets", 0)));
        assertTrue(error.getMessage().contains("'t'"), error.getMessage());
    }

    @Test
    void inventoryAdviceFollowsTheTextbookFormulas() {
        double[] mean = {10, 10, 10, 10};
        double[] sd = {2, 2, 2, 2};
        Forecast f = Forecast.normal(mean, sd, "analytic");
        Map<String, Object> advice = Inventory.advise(f, 2, 0.95, 15, 50, 1);
        assertEquals(20, (double) advice.get("leadTimeDemand"), 1e-9);
        assertEquals(1.6448536 * Math.sqrt(8), (double) advice.get("safetyStock"), 1e-5);
        assertEquals(Math.sqrt(2 * 10 * 50 / 1.0), (double) advice.get("economicOrderQuantity"), 1e-9);
        assertEquals(true, advice.get("orderNow"));
    }

    @Test
    void svgPlotIsAStandaloneDocument() {
        Forecast f = Forecast.normal(new double[] {5, 6}, new double[] {1, 1}, "analytic");
        String svg = SvgPlot.render("SKU <1> & co", new double[] {1, 2, 3, 4}, f);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("SKU &lt;1&gt; &amp; co") && svg.contains("<polygon") && svg.contains("<polyline"));
        assertTrue(svg.trim().endsWith("</svg>"));
    }

    @Test
    void aMalformedEtsCodeIsRefusedNamingTheParameter() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Settings.of(
                HyperParameters.of(Settings.PARAMETERS, Map.of("ets", "XYZ"))));
        assertTrue(error.getMessage().contains("'ets'"), error.getMessage());
    }
}
