package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code unnest(array [, array ...])}: each array's elements in storage order (a
 * multi-dimensional array flattened), several arrays zipped and padded with NULL;
 * {@code generate_subscripts(array, dim [, reverse])}; {@code pg_options_to_table(text[])}.
 */
final class ArraySrfs {

  private ArraySrfs() {
  }

  static List<SetReturningFunction> all() {
    return List.of(
        new Srf("unnest", Srf.Kind.BASE, (args, declared) -> unnest(args)),
        new Srf("generate_subscripts", Srf.Kind.BASE, (args, declared) -> subscripts(args)),
        new Srf("pg_options_to_table", Srf.Kind.OUT, (args, declared) -> options(args)));
  }

  private static Optional<SetReturningFunction.Bound> unnest(List<DataType> args) {
    if (args.isEmpty() || args.stream().anyMatch(t -> !t.isArray())) {
      return Optional.empty();
    }
    List<Column> cols = new ArrayList<>();
    for (DataType t : args) {
      cols.add(new Column("unnest", t.element()));
    }
    return Optional.of(new SetReturningFunction.Bound() {
      @Override
      public List<DataType> argTypes() {
        return args;
      }

      @Override
      public List<Column> columns() {
        return cols;
      }

      @Override
      public boolean strict() {
        return false;
      }

      @Override
      public RowSource rows(Object[] a, CallContext ctx) {
        List<List<Object>> flat = new ArrayList<>();
        int longest = 0;
        for (Object v : a) {
          List<Object> f = new ArrayList<>();
          if (v instanceof List<?> l) {
            flatten(l, f);
          }
          flat.add(f);
          longest = Math.max(longest, f.size());
        }
        int rows = longest;
        int[] at = {0};
        return () -> {
          if (at[0] >= rows) {
            return null;
          }
          Object[] r = new Object[flat.size()];
          for (int i = 0; i < r.length; i++) {
            r[i] = at[0] < flat.get(i).size() ? flat.get(i).get(at[0]) : null;
          }
          at[0]++;
          return r;
        };
      }
    });
  }

  private static void flatten(List<?> l, List<Object> out) {
    for (Object e : l) {
      if (e instanceof List<?> inner) {
        flatten(inner, out);
      } else {
        out.add(e);
      }
    }
  }

  private static Optional<SetReturningFunction.Bound> subscripts(List<DataType> args) {
    if (args.size() < 2 || args.size() > 3 || !args.get(0).isArray()
        || !(args.get(1) == DataType.INT4 || args.get(1) == DataType.INT2
        || args.get(1) == DataType.UNKNOWN)
        || args.size() == 3 && !Srf.fits(args.get(2), DataType.BOOL)) {
      return Optional.empty();
    }
    List<DataType> params = new ArrayList<>(List.of(args.get(0), DataType.INT4));
    if (args.size() == 3) {
      params.add(DataType.BOOL);
    }
    return Optional.of(Srf.bound(params, List.of(new Column("generate_subscripts",
        DataType.INT4)), (a, ctx) -> {
          int dim = ((Number) a[1]).intValue();
          boolean reverse = a.length > 2 && Boolean.TRUE.equals(a[2]);
          Object level = a[0];
          for (int d = 1; d < dim; d++) {
            level = level instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
          }
          int n = dim >= 1 && level instanceof List<?> l ? l.size() : 0;
          int[] i = {0};
          return () -> {
            if (i[0] >= n) {
              return null;
            }
            i[0]++;
            return new Object[] {reverse ? n - i[0] + 1 : i[0]};
          };
        }));
  }

  private static Optional<SetReturningFunction.Bound> options(List<DataType> args) {
    if (args.size() != 1 || !(args.get(0) == DataType.UNKNOWN
        || args.get(0).isArray() && Srf.text(args.get(0).element()))) {
      return Optional.empty();
    }
    return Optional.of(Srf.bound(List.of(DataType.TEXT_ARRAY), List.of(
        new Column("option_name", DataType.TEXT), new Column("option_value", DataType.TEXT)),
        (a, ctx) -> {
          List<Object[]> rows = new ArrayList<>();
          for (Object o : (List<?>) a[0]) {
            if (o == null) {
              throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
                  "engine.srf.null_option");
            }
            String s = (String) o;
            int eq = s.indexOf('=');
            rows.add(eq < 0 ? new Object[] {s, null}
                : new Object[] {s.substring(0, eq), s.substring(eq + 1)});
          }
          return RowSource.of(rows);
        }));
  }
}
