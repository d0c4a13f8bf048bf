package io.docstream.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** upload→visible of every document over the seconds of its step, a series per step and pipeline (PNG, headless). */
final class FreshnessChart {

    private FreshnessChart() {}

    static void write(List<RateResult> results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection series = new XYSeriesCollection();
        for (RateResult result : results) {
            for (RateResult.PipelineResult pipeline : result.pipelines()) {
                String label = pipeline.name() + " " + result.rate() + "/s"
                        + (result.filledPrefix() ? " (" + result.objectsUnderPrefix() + " objects)" : "");
                XYSeries points = new XYSeries(label, false, true);
                for (double[] point : pipeline.freshness()) {
                    points.add(point[0], point[1]);
                }
                series.addSeries(points);
            }
        }
        NumberAxis time = new NumberAxis("seconds since the step's first upload");
        NumberAxis latency = new NumberAxis("upload → visible in the table (s)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series.getSeriesCount(); i++) {
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
            renderer.setSeriesStroke(i, new BasicStroke(1f));
        }
        XYPlot plot = new XYPlot(series, time, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(
                "docstream bench: freshness per document, per rate and pipeline",
                JFreeChart.DEFAULT_TITLE_FONT,
                plot,
                true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 700);
    }
}
