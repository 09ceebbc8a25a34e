package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Json;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** SQL values as JSON trees, as to_jsonb / json_build_object convert them. */
final class JsonValues {

  private static final DateTimeFormatter ISO_LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSS]");

  private JsonValues() {
  }

  static Object toTree(Object v, DataType type, boolean binary, EvalContext c) {
    if (v == null) {
      return JsonTree.NULL;
    }
    if (v instanceof Json j) {
      return JsonTree.parse(j.text(), binary);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      DataType elem = type.isArray() ? type.element() : type;
      for (Object e : l) {
        out.add(e instanceof List<?> ? toTree(e, type, binary, c) : toTree(e, elem, binary, c));
      }
      return out;
    }
    return switch (type) {
      case BOOL -> v;
      case INT2, INT4, INT8, OID, NUMERIC -> Numbers.isNaN(v) ? "NaN"
          : JsonTree.number(Numbers.big(v));
      case FLOAT4, FLOAT8 -> {
        double d = ((Number) v).doubleValue();
        yield Double.isNaN(d) || Double.isInfinite(d) ? TextOut.of(v, type, c)
            : new BigDecimal(TextOut.of(v, type, c));
      }
      case TIMESTAMP -> trimmed(((LocalDateTime) v));
      case TIMESTAMPTZ -> {
        OffsetDateTime t = ((OffsetDateTime) v).toInstant().atZone(c.timeZone())
            .toOffsetDateTime();
        String off = t.getOffset().getId().equals("Z") ? "+00:00" : t.getOffset().getId();
        yield trimmed(t.toLocalDateTime()) + off;
      }
      case UNKNOWN -> v;
      default -> TextOut.of(v, type, c);
    };
  }

  private static String trimmed(LocalDateTime t) {
    String s = ISO_LOCAL.format(t);
    if (s.indexOf('.') > 0) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }
}
