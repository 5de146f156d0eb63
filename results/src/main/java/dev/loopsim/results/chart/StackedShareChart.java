package dev.loopsim.results.chart;

import java.io.IOException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Shares that sum to one, stacked as areas over time (each genre's share of plays): one band per
 * part, so a shift between parts reads as a band widening where a line chart would be a tangle.
 */
public final class StackedShareChart {
    private final XYChart chart;
    private boolean drawn;

    public StackedShareChart(String title, String xLabel) {
        chart = LineChart.styled(new XYChartBuilder().width(860).height(380).title(title).xAxisTitle(xLabel)
                .yAxisTitle("share (stacked)").build());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    }

    /** The parts' shares at each x: {@code shares[part][point]}, named in the legend from the bottom band up. */
    public StackedShareChart parts(String[] names, double[] x, double[][] shares) {
        int parts = shares.length;
        double[][] tops = new double[parts][x.length];
        for (int p = 0; p < x.length; p++) {
            double sum = 0;
            for (int g = 0; g < parts; g++) {
                sum += shares[g][p];
                tops[g][p] = sum;
            }
        }
        // Areas fill down to the axis, so the highest is drawn first and each lower one covers its part of it.
        for (int g = parts - 1; g >= 0; g--) {
            XYSeries band = chart.addSeries(names[g], x, tops[g]);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setMarker(SeriesMarkers.NONE);
            band.setLineColor(LineChart.PALETTE[g % LineChart.PALETTE.length]);
            band.setFillColor(LineChart.PALETTE[g % LineChart.PALETTE.length]);
        }
        drawn = parts > 0 && x.length > 1;
        if (drawn) {
            LineChart.wholeNumberTicks(chart);
        }
        return this;
    }

    public String title() {
        return chart.getTitle();
    }

    public boolean isEmpty() {
        return !drawn;
    }

    public byte[] png() throws IOException {
        return LineChart.png(chart);
    }
}
