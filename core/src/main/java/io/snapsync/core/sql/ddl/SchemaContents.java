package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SqlState;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.session.Notice;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema holds (views, tables, sequences that no table owns) and the notices of
 * DROP SCHEMA ... CASCADE in PostgreSQL's words. Blocking (catalog reads); stateless.
 */
final class SchemaContents {

  /** An object in a schema: PostgreSQL's word for its kind, its key name, how to drop it. */
  record Item(String kind, String name, DdlStatement.Drop.Kind drop) {
  }

  private SchemaContents() {
  }

  /** The objects of schema {@code schema} as {@code t} sees them, tables first. */
  static List<Item> of(StoreTransaction t, String schema) {
    List<Item> out = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    SchemaCatalog.tables(t, schema).forEach(d -> {
      out.add(new Item("table", d.name(), DdlStatement.Drop.Kind.TABLE));
      tables.add(d.name());
    });
    SchemaCatalog.views(t, schema).forEach(v -> out.add(new Item("view", v.name(),
        DdlStatement.Drop.Kind.VIEW)));
    for (SequenceDef s : SchemaCatalog.sequences(t, schema)) {
      if (!ownedByTable(s.name(), tables)) {
        out.add(new Item("sequence", s.name(), DdlStatement.Drop.Kind.SEQUENCE));
      }
    }
    return out;
  }

  /** {@code drop cascades to table s.t}, or one notice counting several with their list. */
  static List<Notice> cascadeNotices(List<Item> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    if (items.size() == 1) {
      return List.of(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.drop_cascades_to",
          items.get(0).kind(), items.get(0).name()));
    }
    List<String> each = items.stream().map(i -> "drop cascades to " + i.kind() + " "
        + i.name()).toList();
    return List.of(new Notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
        Message.of("ddl.drop_cascades_many", items.size()),
        Message.of("ddl.dependents_detail", String.join("\n", each)), null));
  }

  /** True for a SERIAL column's sequence ({@code t_col_seq}) of one of {@code tables}. */
  private static boolean ownedByTable(String sequence, List<String> tables) {
    for (String t : tables) {
      if (sequence.startsWith(t + "_") && sequence.endsWith("_seq")) {
        return true;
      }
    }
    return false;
  }
}
