package io.snapsync.core.sql.srf;

import java.util.ArrayList;
import java.util.List;

/** The built-in set-returning functions. */
final class BuiltinSrfs {

  private BuiltinSrfs() {
  }

  static List<SetReturningFunction> all() {
    List<SetReturningFunction> out = new ArrayList<>();
    out.add(GenerateSeriesSrf.function());
    out.addAll(ArraySrfs.all());
    out.addAll(TextSrfs.all());
    out.addAll(JsonSrfs.all());
    return out;
  }
}
