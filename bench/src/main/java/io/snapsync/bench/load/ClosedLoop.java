package io.snapsync.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs N clients, each on its own thread with its own connection, each issuing one operation
 * after another (closed loop) for a warm-up and then a measured period. Latencies of the
 * measured period go to per-thread HdrHistograms merged at the end.
 */
public final class ClosedLoop {

  /** One client: an operation repeated in a loop, closed at the end. */
  public interface Client extends AutoCloseable {
    void op() throws Exception;

    @Override
    void close() throws Exception;
  }

  /** Opens client number {@code i}. */
  public interface ClientFactory {
    Client open(int i) throws Exception;
  }

  private final long warmupMillis;
  private final long measureMillis;

  public ClosedLoop(long warmupMillis, long measureMillis) {
    this.warmupMillis = warmupMillis;
    this.measureMillis = measureMillis;
  }

  /** Opens {@code clients} clients, runs them, closes them; fails if none could be opened. */
  public Measurement run(int clients, ClientFactory factory) throws Exception {
    List<Client> opened = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        opened.add(factory.open(i));
      }
      return runOpened(opened);
    } finally {
      for (Client c : opened) {
        try {
          c.close();
        } catch (Exception ignored) {
          // a client that fails to close does not change the measurement
        }
      }
    }
  }

  private Measurement runOpened(List<Client> clients) throws InterruptedException {
    Histogram total = Measurement.newHistogram();
    AtomicLong errors = new AtomicLong();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(clients.size());
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (Client c : clients) {
      Thread t = new Thread(() -> {
        Histogram h = Measurement.newHistogram();
        try {
          start.await();
          long measureFrom = window[0];
          long end = window[1];
          while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
              break;
            }
            try {
              c.op();
              long t1 = System.nanoTime();
              if (t0 >= measureFrom) {
                h.recordValue(t1 - t0);
              }
            } catch (Exception e) {
              if (t0 >= measureFrom) {
                errors.incrementAndGet();
              }
              firstError.compareAndSet(null, e);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          synchronized (total) {
            total.add(h);
          }
          done.countDown();
        }
      }, "bench-client");
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long now = System.nanoTime();
    window[0] = now + warmupMillis * 1_000_000L;
    window[1] = window[0] + measureMillis * 1_000_000L;
    start.countDown();
    done.await();
    if (firstError.get() != null) {
      System.out.println("  first error: " + firstError.get());
    }
    return Measurement.of(total, measureMillis / 1000.0, errors.get());
  }
}
