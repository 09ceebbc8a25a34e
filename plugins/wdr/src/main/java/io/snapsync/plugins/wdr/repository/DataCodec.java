package io.snapsync.plugins.wdr.repository;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Encoding of one node's snapshot data: a format byte ({@code 1} = raw-deflated UTF-8 JSON)
 * and the payload. Statement lists repeat their keys thousands of times, so deflate keeps a
 * snapshot several times smaller at a few milliseconds of CPU.
 */
final class DataCodec {

  private static final byte DEFLATED_JSON = 1;

  private DataCodec() {
  }

  static byte[] encode(JsonObject data) {
    byte[] json = data.toBuffer().getBytes();
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      d.setInput(json);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 16);
      out.write(DEFLATED_JSON);
      byte[] buf = new byte[64 * 1024];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  static JsonObject decode(byte[] value) {
    if (value.length == 0 || value[0] != DEFLATED_JSON) {
      throw new IllegalStateException("unknown WDR data format " + (value.length == 0 ? -1
          : value[0]));
    }
    Inflater inf = new Inflater(true);
    try {
      inf.setInput(value, 1, value.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(value.length * 4);
      byte[] buf = new byte[64 * 1024];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new IllegalStateException("truncated WDR data");
        }
        out.write(buf, 0, n);
      }
      return new JsonObject(Buffer.buffer(out.toByteArray()));
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt WDR data", e);
    } finally {
      inf.end();
    }
  }
}
