package io.snapsync.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Throughput against clients for both systems, one line per workload and system (PNG). */
final class Plot {

  private Plot() {
  }

  static void write(Results results, List<String> workloads, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1000).height(640)
        .title("Throughput against clients: PostgreSQL solid, snapsync dashed (loopback, pgjdbc)")
        .xAxisTitle("clients").yAxisTitle("operations per second").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    java.awt.Color[] colors = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728),
        new java.awt.Color(0x2ca02c), new java.awt.Color(0x9467bd), new java.awt.Color(0xff7f0e)};
    int wi = 0;
    for (String w : workloads) {
      java.awt.Color color = colors[wi++ % colors.length];
      for (String system : List.of(Results.PG, Results.SS)) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Set<Integer> clients = new LinkedHashSet<>();
        for (Results.Row r : results.rows()) {
          if (r.workload().equals(w) && r.system().equals(system) && r.m().perSecond() > 0
              && clients.add(r.clients())) {
            xs.add((double) r.clients());
            ys.add(r.m().perSecond());
          }
        }
        if (xs.isEmpty()) {
          continue;
        }
        XYSeries s = chart.addSeries(system + ": " + w, xs, ys);
        boolean pg = system.equals(Results.PG);
        s.setMarker(pg ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(pg ? org.knowm.xchart.style.lines.SeriesLines.SOLID
            : org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
      }
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
