package io.snapsync.core.sql.engine.analyze;

import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The casts the validator allows: Calcite's lenient rules plus those of {@code json}/{@code
 * jsonb} (Calcite type {@code VARIANT}): from and to text, between the two, and from jsonb to
 * boolean and the numeric types (PostgreSQL's {@code jsonb::int}). Immutable, thread-safe.
 */
final class PgCastRules {

  private static final Set<SqlTypeName> TEXT = Set.of(SqlTypeName.CHAR, SqlTypeName.VARCHAR);
  private static final Set<SqlTypeName> SCALARS = Set.of(SqlTypeName.BOOLEAN,
      SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL,
      SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE);

  static final SqlTypeCoercionRule INSTANCE = build();

  private PgCastRules() {
  }

  private static SqlTypeCoercionRule build() {
    Map<SqlTypeName, ImmutableSet<SqlTypeName>> map =
        new HashMap<>(SqlTypeCoercionRule.lenientInstance().getTypeMapping());
    map.put(SqlTypeName.VARIANT, ImmutableSet.<SqlTypeName>builder().addAll(TEXT)
        .add(SqlTypeName.VARIANT).build());
    for (SqlTypeName to : union(TEXT, SCALARS)) {
      map.put(to, ImmutableSet.<SqlTypeName>builder()
          .addAll(map.getOrDefault(to, ImmutableSet.of())).add(SqlTypeName.VARIANT).build());
    }
    return SqlTypeCoercionRule.instance(map);
  }

  private static Set<SqlTypeName> union(Set<SqlTypeName> a, Set<SqlTypeName> b) {
    return ImmutableSet.<SqlTypeName>builder().addAll(a).addAll(b).build();
  }
}
