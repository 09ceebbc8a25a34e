package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Splits the byte stream of a connection into frames. Until {@link #startupDone()} frames are
 * start-up packets (length word, body); afterwards typed messages (type byte, length word,
 * body). Frames whose length is out of bounds raise a fatal {@link ProtocolException}; bytes
 * are never buffered beyond one frame's declared length. Not thread-safe (one event loop).
 */
public final class FrameDecoder {

  /** PostgreSQL's limit for start-up packets. */
  static final int MAX_STARTUP_LENGTH = 10_000;

  private final int maxMessageBytes;
  private final Consumer<Buffer> onStartup;
  private final BiConsumer<Byte, Buffer> onMessage;
  private Buffer pending = Buffer.buffer();
  private boolean startup = true;

  public FrameDecoder(int maxMessageBytes, Consumer<Buffer> onStartup,
      BiConsumer<Byte, Buffer> onMessage) {
    this.maxMessageBytes = maxMessageBytes;
    this.onStartup = onStartup;
    this.onMessage = onMessage;
  }

  /** Start-up packets are over (after a StartupMessage was accepted). */
  public void startupDone() {
    startup = false;
  }

  public void feed(Buffer data) {
    pending.appendBuffer(data);
    int pos = 0;
    while (true) {
      int avail = pending.length() - pos;
      if (startup) {
        if (avail < 4) {
          break;
        }
        int len = pending.getInt(pos);
        if (len < 8 || len > MAX_STARTUP_LENGTH) {
          throw ProtocolException.fatal("pgwire.invalid_startup_length");
        }
        if (avail < len) {
          break;
        }
        Buffer body = pending.getBuffer(pos + 4, pos + len);
        pos += len;
        onStartup.accept(body);
      } else {
        if (avail < 5) {
          break;
        }
        byte type = pending.getByte(pos);
        int len = pending.getInt(pos + 1);
        if (len < 4 || len > maxMessageBytes) {
          throw ProtocolException.fatal("pgwire.invalid_message_length", len,
              (char) (type & 0xFF));
        }
        if (avail < len + 1) {
          break;
        }
        Buffer body = pending.getBuffer(pos + 5, pos + 1 + len);
        pos += len + 1;
        onMessage.accept(type, body);
      }
    }
    if (pos > 0) {
      pending = pending.getBuffer(pos, pending.length());
    }
  }

  /** Bytes received but not yet a whole frame (a truncated frame when the peer closes). */
  public int pendingBytes() {
    return pending.length();
  }
}
