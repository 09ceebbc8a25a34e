package io.snapsync.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one closed-loop run measured: completed operations, wall seconds, latency quantiles in
 * microseconds and failed operations.
 */
public record Measurement(long ops, double seconds, double p50Micros, double p99Micros,
    long errors) {

  /** Throughput in operations per second. */
  public double perSecond() {
    return seconds <= 0 ? 0 : ops / seconds;
  }

  /** A measurement from a histogram of nanosecond latencies. */
  public static Measurement of(Histogram nanos, double seconds, long errors) {
    return new Measurement(nanos.getTotalCount(), seconds,
        nanos.getValueAtPercentile(50) / 1000.0, nanos.getValueAtPercentile(99) / 1000.0,
        errors);
  }

  /** A histogram for nanosecond latencies up to an hour, 3 significant digits. */
  public static Histogram newHistogram() {
    return new Histogram(3_600_000_000_000L, 3);
  }
}
