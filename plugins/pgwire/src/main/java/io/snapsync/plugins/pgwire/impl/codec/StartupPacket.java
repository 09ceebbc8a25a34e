package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first packet of a connection (no type byte): a StartupMessage, SSLRequest,
 * GSSENCRequest or CancelRequest.
 */
public sealed interface StartupPacket {

  int SSL_REQUEST = 80877103;
  int GSSENC_REQUEST = 80877104;
  int CANCEL_REQUEST = 80877102;

  /** A StartupMessage: protocol version and parameters (user, database, options, ...). */
  record Startup(int major, int minor, Map<String, String> params) implements StartupPacket {
  }

  record SslRequest() implements StartupPacket {
  }

  record GssEncRequest() implements StartupPacket {
  }

  record CancelRequest(int processId, int secretKey) implements StartupPacket {
  }

  /** Decodes a start-up packet body (after the length word). */
  static StartupPacket decode(Buffer body) {
    MessageReader r = new MessageReader(body);
    int code = r.readInt();
    switch (code) {
      case SSL_REQUEST:
        return new SslRequest();
      case GSSENC_REQUEST:
        return new GssEncRequest();
      case CANCEL_REQUEST:
        return new CancelRequest(r.readInt(), r.readInt());
      default:
        break;
    }
    int major = code >>> 16;
    int minor = code & 0xFFFF;
    Map<String, String> params = new LinkedHashMap<>();
    if (major == 3) {
      while (true) {
        String name = r.readCString();
        if (name.isEmpty()) {
          break;
        }
        params.put(name, r.readCString());
      }
    }
    return new Startup(major, minor, params);
  }
}
