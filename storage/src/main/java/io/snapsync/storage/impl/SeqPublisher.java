package io.snapsync.storage.impl;

import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Publishes commit seqs in order although their writes finish in any order: the published seq
 * advances over a run of finished (written or skipped) seqs. Guarded by {@code this}.
 */
final class SeqPublisher {

  private final LongConsumer publish;
  private final TreeSet<Long> finished = new TreeSet<>();
  private long published;

  SeqPublisher(LongConsumer publish) {
    this.publish = publish;
  }

  synchronized void reset(long seq) {
    published = seq;
    finished.clear();
  }

  /** Marks {@code seq} written and waits until it is published. */
  void publishAndWait(long seq) {
    synchronized (this) {
      finish(seq);
      boolean interrupted = false;
      while (published < seq) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits until {@code seq} (assigned, so finished sooner or later) is published. */
  synchronized void await(long seq) {
    boolean interrupted = false;
    while (published < seq) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Marks {@code seq} as holding nothing (its write failed) so later seqs can publish. */
  synchronized void skip(long seq) {
    finish(seq);
  }

  private void finish(long seq) {
    finished.add(seq);
    long before = published;
    while (!finished.isEmpty() && finished.first() == published + 1) {
      published = finished.pollFirst();
    }
    if (published != before) {
      publish.accept(published);
      notifyAll();
    }
  }
}
