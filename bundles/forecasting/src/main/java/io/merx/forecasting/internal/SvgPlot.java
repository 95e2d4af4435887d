package io.merx.forecasting.internal;

import java.util.Locale;

/**
 * Draws history, forecast and the 80/95 % bands as a self-contained SVG document: plain string building, no AWT,
 * so it works headless inside Karaf. Periods are numbered relative to the last observation (0).
 */
final class SvgPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;

    private SvgPlot() {
    }

    static String render(String title, double[] history, Forecast forecast) {
        int h = forecast.horizon();
        int shown = Math.min(history.length, Math.max(3 * h, 36));
        double[] past = java.util.Arrays.copyOfRange(history, history.length - shown, history.length);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : past) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        for (int i = 0; i < h; i++) {
            low = Math.min(low, forecast.lower95()[i]);
            high = Math.max(high, forecast.upper95()[i]);
        }
        if (high - low < 1e-9) {
            high = low + 1;
        }
        double pad = 0.05 * (high - low);
        Scale scale = new Scale(-(shown - 1), h, low - pad, high + pad);

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"15\">").append(escape(title))
                .append("</text>\n");
        axes(svg, scale);
        band(svg, scale, forecast.lower95(), forecast.upper95(), "#c6dbef");
        band(svg, scale, forecast.lower80(), forecast.upper80(), "#6baed6");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            point(line, scale, -(shown - 1) + i, past[i]);
        }
        svg.append("<polyline fill=\"none\" stroke=\"black\" stroke-width=\"1.5\" points=\"").append(line)
                .append("\"/>\n");
        line.setLength(0);
        point(line, scale, 0, past[shown - 1]);
        for (int i = 0; i < h; i++) {
            point(line, scale, i + 1, forecast.mean()[i]);
        }
        svg.append("<polyline fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" points=\"").append(line)
                .append("\"/>\n");
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"gray\" stroke-dasharray=\"4 3\"/>%n",
                scale.x(0), TOP, scale.x(0), HEIGHT - BOTTOM));
        svg.append("<text x=\"").append(WIDTH - RIGHT - 230).append("\" y=\"24\" fill=\"#08519c\">")
                .append("forecast, 80 % and 95 % intervals</text>\n");
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, Scale scale) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, HEIGHT - BOTTOM,
                WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        double step = niceStep((scale.yMax - scale.yMin) / 5);
        for (double v = Math.ceil(scale.yMin / step) * step; v <= scale.yMax; v += step) {
            double y = scale.y(v);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eeeeee\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, label(v, step)));
        }
        double xStep = niceStep((scale.xMax - scale.xMin) / 8.0);
        for (double t = Math.ceil(scale.xMin / xStep) * xStep; t <= scale.xMax; t += xStep) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    scale.x(t), HEIGHT - BOTTOM + 16, Math.round(t)));
        }
    }

    private static void band(StringBuilder svg, Scale scale, double[] lower, double[] upper, String colour) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < upper.length; i++) {
            point(points, scale, i + 1, upper[i]);
        }
        for (int i = lower.length - 1; i >= 0; i--) {
            point(points, scale, i + 1, lower[i]);
        }
        svg.append("<polygon fill=\"").append(colour).append("\" stroke=\"none\" points=\"").append(points)
                .append("\"/>\n");
    }

    private static void point(StringBuilder out, Scale scale, double t, double v) {
        out.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(t), scale.y(v)));
    }

    private static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.max(nice * magnitude, 1e-9);
    }

    private static String label(double v, double step) {
        if (Math.abs(v) < step / 2) {
            return "0";
        }
        return step >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Scale(double xMin, double xMax, double yMin, double yMax) {
        double x(double t) {
            return LEFT + (t - xMin) / Math.max(1e-9, xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return HEIGHT - BOTTOM - (v - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
