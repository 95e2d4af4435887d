package io.merx.customers.internal.segments;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The segment map: every customer on the first two principal components of the model-space features, coloured
 * by segment. Principal axes by power iteration on the covariance (d is a dozen at most).
 */
final class SegmentMap {

    private SegmentMap() {
    }

    static void write(SegmentModel model, Path png, String title) throws IOException {
        List<double[]> z = new ArrayList<>();
        List<Integer> segment = new ArrayList<>();
        model.members().values().forEach(m -> {
            z.add(model.scaler().apply(RfmFeatures.transform(m.features())));
            segment.add(m.segment());
        });
        int d = z.get(0).length;
        double[][] cov = new double[d][d];
        for (double[] row : z) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += row[i] * row[j] / z.size(); // the scaler centred the features
                }
            }
        }
        double[] pc1 = principal(cov);
        deflate(cov, pc1);
        double[] pc2 = principal(cov);
        XYChart chart = new XYChartBuilder().width(900).height(650).title(title)
                .xAxisTitle("first principal component").yAxisTitle("second principal component").build();
        chart.getStyler().setMarkerSize(5).setChartBackgroundColor(Color.WHITE);
        for (Segment s : model.segments()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < z.size(); i++) {
                if (segment.get(i) == s.id()) {
                    xs.add(dot(z.get(i), pc1));
                    ys.add(dot(z.get(i), pc2));
                }
            }
            XYSeries series = chart.addSeries(s.id() + ": " + s.label() + " (" + s.size() + ")", xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        Files.createDirectories(png.getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println("segment map: " + png.normalize());
    }

    private static double[] principal(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1 / Math.sqrt(d));
        for (int it = 0; it < 500; it++) {
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                next[i] = dot(m[i], v);
            }
            double norm = Math.sqrt(dot(next, next));
            for (int i = 0; i < d; i++) {
                v[i] = next[i] / norm;
            }
        }
        return v;
    }

    private static void deflate(double[][] m, double[] v) {
        double lambda = 0;
        for (int i = 0; i < m.length; i++) {
            lambda += v[i] * dot(m[i], v);
        }
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                m[i][j] -= lambda * v[i] * v[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
