package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** btree order and hashing of the date/time, interval, bytea, uuid and json types. */
final class OtherOrdering {

  private OtherOrdering() {
  }

  static int compare(Object a, Object b, DataType type) {
    switch (type) {
      case DATE:
        return ((LocalDate) a).compareTo((LocalDate) b);
      case TIME:
        return ((LocalTime) a).compareTo((LocalTime) b);
      case TIMESTAMP:
        return ((LocalDateTime) a).compareTo((LocalDateTime) b);
      case TIMESTAMPTZ:
        return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
      case INTERVAL:
        return Intervals.compare((Interval) a, (Interval) b);
      case BYTEA:
        return Byteas.compare((byte[]) a, (byte[]) b);
      case UUID:
        return Uuids.compare((UUID) a, (UUID) b);
      case JSONB:
        return JsonValues.compare(JsonValues.tree(((Json) a).text(), "jsonb"),
            JsonValues.tree(((Json) b).text(), "jsonb"));
      case JSON:
        return CharTypes.compare(((Json) a).text(), ((Json) b).text());
      case VOID:
        return 0;
      default:
        throw new IllegalArgumentException("no order for " + type);
    }
  }

  static int hash(Object v, DataType type) {
    switch (type) {
      case TIMESTAMPTZ:
        return ((OffsetDateTime) v).toInstant().hashCode();
      case INTERVAL:
        return Intervals.hash((Interval) v);
      case BYTEA:
        return Arrays.hashCode((byte[]) v);
      case JSONB:
        return JsonValues.hash(JsonValues.tree(((Json) v).text(), "jsonb"));
      case JSON:
        return ((Json) v).text().hashCode();
      default:
        return v.hashCode();
    }
  }
}
