package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgJsonTypes;
import io.snapsync.sql.parser.ast.PgJsonTypes.JsonType;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's type factory with PostgreSQL's {@code json}/{@code jsonb} ({@link PgJsonTypes}):
 * their nullability changes like any type's, and the common type of json values with NULLs and
 * unknown-typed string literals is the json type (as PostgreSQL resolves {@code unknown}). One
 * per statement analysis; not thread-safe beyond Calcite's own factory.
 */
public final class PgTypeFactory extends JavaTypeFactoryImpl {

  public PgTypeFactory() {
    super(PgTypeSystem.INSTANCE);
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof JsonType j) {
      return j.isNullable() == nullable ? canonize(j) : canonize(new JsonType(j.binary(), nullable));
    }
    return super.createTypeWithNullability(type, nullable);
  }

  @Override
  public RelDataType enforceTypeWithNullability(RelDataType type, boolean nullable) {
    return type instanceof JsonType ? createTypeWithNullability(type, nullable)
        : super.enforceTypeWithNullability(type, nullable);
  }

  @Override
  public @Nullable RelDataType leastRestrictive(List<RelDataType> types) {
    RelDataType json = jsonCommon(types);
    return json != null ? json : super.leastRestrictive(types);
  }

  /**
   * The json type all of {@code types} share, counting NULL and character types as that
   * type; null when there is none or the list mixes json with jsonb or with other types.
   */
  @Nullable RelDataType jsonCommon(List<RelDataType> types) {
    JsonType found = null;
    boolean nullable = false;
    for (RelDataType t : types) {
      if (t instanceof JsonType j) {
        if (found != null && found.binary() != j.binary()) {
          return null;
        }
        found = j;
        nullable |= j.isNullable();
      } else if (t.getSqlTypeName() == SqlTypeName.NULL) {
        nullable = true;
      } else if (t.getFamily() != SqlTypeFamily.CHARACTER) {
        return null;
      } else {
        nullable |= t.isNullable();
      }
    }
    return found == null ? null : createTypeWithNullability(found, nullable);
  }
}
