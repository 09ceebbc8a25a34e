package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import io.snapsync.sql.parser.ast.PgJsonTypes;
import org.apache.calcite.rel.type.RelDataType;

/** The PostgreSQL type of a Calcite {@code VARIANT} type: json, jsonb, else text. */
final class JsonTypes {

  private JsonTypes() {
  }

  static DataType of(RelDataType t) {
    String name = PgJsonTypes.name(t);
    return name == null ? DataType.TEXT : name.equals("jsonb") ? DataType.JSONB : DataType.JSON;
  }
}
