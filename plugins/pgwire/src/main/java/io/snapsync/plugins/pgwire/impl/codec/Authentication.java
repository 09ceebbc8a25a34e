package io.snapsync.plugins.pgwire.impl.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** 'R': an authentication request or outcome ({@code code} as in the protocol). */
public record Authentication(int code, byte[] data) implements BackendMessage {

  public static final int OK = 0;
  public static final int CLEARTEXT_PASSWORD = 3;
  public static final int SASL = 10;
  public static final int SASL_CONTINUE = 11;
  public static final int SASL_FINAL = 12;

  public static Authentication ok() {
    return new Authentication(OK, new byte[0]);
  }

  public static Authentication cleartextPassword() {
    return new Authentication(CLEARTEXT_PASSWORD, new byte[0]);
  }

  /** AuthenticationSASL listing {@code mechanisms}. */
  public static Authentication sasl(String... mechanisms) {
    Buffer b = Buffer.buffer();
    for (String m : mechanisms) {
      BackendMessage.writeCString(b, m);
    }
    b.appendByte((byte) 0);
    return new Authentication(SASL, b.getBytes());
  }

  public static Authentication saslContinue(String serverMessage) {
    return new Authentication(SASL_CONTINUE, serverMessage.getBytes(StandardCharsets.UTF_8));
  }

  public static Authentication saslFinal(String serverMessage) {
    return new Authentication(SASL_FINAL, serverMessage.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte type() {
    return 'R';
  }

  @Override
  public void writeBody(Buffer out) {
    out.appendInt(code).appendBytes(data);
  }
}
