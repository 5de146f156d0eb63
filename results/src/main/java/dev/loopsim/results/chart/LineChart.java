package dev.loopsim.results.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines over a common x axis, each optionally with an interval band drawn as two thin dashed
 * lines of its colour: a daily metric per cell with its interval over replicates, or a metric
 * against a swept parameter.
 */
public final class LineChart {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private final XYChart chart;
    private int lines;

    public LineChart(String title, String xLabel, String yLabel) {
        chart = new XYChartBuilder().width(760).height(380).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
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
                band.setLineStyle(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
                band.setShowInLegend(false);
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

    /** The chart as PNG bytes. */
    public byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}
