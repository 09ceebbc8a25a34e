package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;

/** btree order and hashing of the date/time, interval, bytea, uuid and json types. */
final class OtherOrdering {

  private OtherOrdering() {
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b, DataType type) {
    return ((Comparable) a).compareTo(b);
  }

  static int hash(Object v, DataType type) {
    return v.hashCode();
  }
}
