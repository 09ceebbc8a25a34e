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
        .title("Throughput against clients (loopback, same pgjdbc client)")
        .xAxisTitle("clients").yAxisTitle("operations per second").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    for (String w : workloads) {
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
        s.setMarker(system.equals(Results.PG) ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
      }
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
