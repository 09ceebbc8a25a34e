package io.snapsync.core.spi;

import io.snapsync.core.session.DataType;

/**
 * A parameter of a SQL function.
 *
 * @param name parameter name
 * @param type its type; arguments are converted to it
 * @param optional may be omitted; then {@code defaultValue} is passed
 * @param defaultValue value passed when omitted (may be null)
 */
public record FunctionParam(String name, DataType type, boolean optional, Object defaultValue) {

  public static FunctionParam required(String name, DataType type) {
    return new FunctionParam(name, type, false, null);
  }

  public static FunctionParam optional(String name, DataType type, Object dflt) {
    return new FunctionParam(name, type, true, dflt);
  }

  /** Whether NULL is a meaningful argument: only for optional parameters defaulting to NULL. */
  public boolean acceptsNull() {
    return optional && defaultValue == null;
  }
}
