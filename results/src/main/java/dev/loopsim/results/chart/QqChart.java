package dev.loopsim.results.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A quantile-quantile plot of one or more samples against a reference distribution, with the
 * identity line: points on the line mean the sample follows the reference.
 */
public final class QqChart {
    private static final String IDENTITY = "y = x";
    private final XYChart chart;
    private double largest;

    public QqChart(String title, String referenceLabel, String sampleLabel) {
        chart = new XYChartBuilder().width(640).height(560).title(title).xAxisTitle(referenceLabel).yAxisTitle(sampleLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    }

    /** Adds a sample as {theoretical, observed} quantile pairs. */
    public QqChart sample(String name, double[][] quantiles) {
        double[] x = Arrays.stream(quantiles).mapToDouble(q -> q[0]).toArray();
        double[] y = Arrays.stream(quantiles).mapToDouble(q -> q[1]).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        largest = Math.max(largest, Math.max(Arrays.stream(x).max().orElse(0), Arrays.stream(y).max().orElse(0)));
        return this;
    }

    /** The chart as PNG bytes. */
    public byte[] png() throws IOException {
        if (!chart.getSeriesMap().containsKey(IDENTITY)) {
            double top = largest > 0 ? largest : 1;
            XYSeries line = chart.addSeries(IDENTITY, new double[]{0, top}, new double[]{0, top});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(java.awt.Color.GRAY);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}
