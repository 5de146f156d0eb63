package dev.loopsim.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines over a common x axis, each optionally with an interval band drawn as two thin dashed
 * lines of its colour: a daily metric per cell with its interval over replicates, or a metric
 * against a swept parameter. When any line has a band, the legend says what the dashes are.
 */
public final class LineChart {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private static final BasicStroke DASHED =
            new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0);
    private final XYChart chart;
    private int lines;
    private String bands = "dashed: interval";
    private double[] firstBandPoint;
    private boolean wholeNumbers;

    public LineChart(String title, String xLabel, String yLabel) {
        chart = styled(new XYChartBuilder().width(860).height(420).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build());
    }

    /** The look every loopsim chart shares: white, light grid, legend below in a row. */
    static XYChart styled(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setYAxisTickMarkSpacingHint(45);
        return chart;
    }

    /** What the dashed bands are, for the legend (for example "dashed: 95% interval over 3 replicates"). */
    public LineChart bandsAre(String description) {
        bands = description;
        return this;
    }

    /** Tick labels on the x axis as whole numbers (days, weeks), never as 2.5 or 1e1, and at most about ten of them. */
    public LineChart wholeNumbersOnX() {
        wholeNumbers = true;
        return this;
    }

    /** A line; with {@code lower} and {@code upper} (may be null) a band around it. */
    public LineChart line(String name, double[] x, double[] y, double[] lower, double[] upper) {
        Color color = PALETTE[lines++ % PALETTE.length];
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(x.length <= 12 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setMarkerColor(color);
        if (lower != null && upper != null) {
            for (String side : new String[] {"lower", "upper"}) {
                XYSeries band = chart.addSeries(name + " " + side, x, side.equals("lower") ? lower : upper);
                band.setMarker(SeriesMarkers.NONE);
                band.setLineColor(color);
                band.setLineStyle(DASHED);
                band.setShowInLegend(false);
            }
            if (firstBandPoint == null && x.length > 0) {
                firstBandPoint = new double[] {x[0], lower[0]};
            }
        }
        return this;
    }

    public String title() {
        return chart.getTitle();
    }

    public boolean isEmpty() {
        return lines == 0;
    }

    /** What the legend lists, in order: the lines, then what the dashes are if any line has a band. */
    public java.util.List<String> legend() {
        finish();
        return chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    }

    /** The chart as PNG bytes. */
    public byte[] png() throws IOException {
        finish();
        return png(chart);
    }

    private void finish() {
        if (firstBandPoint != null && !chart.getSeriesMap().containsKey(bands)) {
            // A one-point series draws nothing on the plot but shows its dashed line in the legend.
            XYSeries key = chart.addSeries(bands, new double[] {firstBandPoint[0]}, new double[] {firstBandPoint[1]});
            key.setMarker(SeriesMarkers.NONE);
            key.setLineColor(Color.GRAY);
            key.setLineStyle(DASHED);
        }
        int legendText = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .mapToInt(series -> series.getName().length() + 6).sum();
        if (legendText > 100) { // one row would run off the image
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        if (wholeNumbers) {
            wholeNumberTicks(chart);
        }
    }

    /** Whole-number tick labels ("1,000", not "1000.0"); XChart spaces them by the tick hint. */
    static void wholeNumberTicks(XYChart chart) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        chart.setCustomXAxisTickLabelsFormatter(v -> Math.abs(v - Math.rint(v)) < 1e-9 ? format.format(v) : "");
    }

    static byte[] png(XYChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}
