package io.snapsync.plugins.wdr.testing;

import io.snapsync.core.node.NodeServices;
import io.snapsync.core.spi.StandardFunctionCall;
import java.util.Arrays;

/** One call of a SQL function by {@code user}, roles from the node's real user directory. */
public final class Call {

  private Call() {
  }

  /** A call in English; {@link StandardFunctionCall#inLanguage} for another language. */
  public static StandardFunctionCall of(NodeServices services, String user, Object... args) {
    return StandardFunctionCall.byUser(services, user, "en", Arrays.asList(args));
  }
}
