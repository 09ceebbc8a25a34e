package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.session.Notice;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The views that depend, directly or through other views, on relations being dropped: DROP
 * ... RESTRICT refuses with PostgreSQL's 2BP01 (DETAIL naming each dependency), CASCADE drops
 * them too with PostgreSQL's notice. Blocking; stateless.
 */
public final class ViewDependents {

  private ViewDependents() {
  }

  /** A dependent view and the relation it reads that is going away. */
  private record Dependent(ViewDef view, String on) {
  }

  /**
   * Handles the views depending on {@code dropped} (the relations one DROP removes, the first
   * one named in the error): 2BP01 without {@code cascade}, else deletes them and returns the
   * notices PostgreSQL sends. {@code kind} is the word of the first relation's kind in the
   * message ids ({@code table} or {@code view}).
   */
  public static List<Notice> dropFor(StoreTransaction t, TransactionBlock txn, String kind,
      Collection<String> dropped, boolean cascade) {
    List<Dependent> deps = collect(t, dropped);
    if (deps.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (Dependent d : deps) {
      String onKind = TableCatalog.find(t, d.on()) != null ? "table" : "view";
      lines.add("view " + d.view().name() + " depends on " + onKind + " " + d.on());
    }
    if (!cascade) {
      String first = dropped.iterator().next();
      throw SnapsyncException.error(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
          "ddl." + kind + "_has_dependents", first)
          .withDetail("ddl.dependents_detail", String.join("\n", lines))
          .withHint("ddl.cascade.hint");
    }
    for (Dependent d : deps) {
      ViewCatalog.delete(t, d.view().name());
      AclStore.forget(t, ObjectKind.TABLE, d.view().name());
      txn.markDeleted(ViewCatalog.key(d.view().name()));
    }
    if (deps.size() == 1) {
      return List.of(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.drop_cascades_view",
          deps.get(0).view().name()));
    }
    List<String> each = deps.stream().map(d -> "drop cascades to view " + d.view().name())
        .toList();
    return List.of(new Notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
        Message.of("ddl.drop_cascades_many", deps.size()),
        Message.of("ddl.dependents_detail", String.join("\n", each)), null));
  }

  /** 0A000 when views read {@code name}: renaming it would leave their queries dangling. */
  static void refuseRename(StoreTransaction t, String name) {
    List<Dependent> deps = collect(t, List.of(name));
    if (!deps.isEmpty()) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "ddl.rename_with_dependents", name, deps.get(0).view().name());
    }
  }

  /** Dependent views in breadth-first order, each once, none of {@code dropped} itself. */
  private static List<Dependent> collect(StoreTransaction t, Collection<String> dropped) {
    List<ViewDef> views = ViewCatalog.all(t);
    Set<String> gone = new HashSet<>(dropped);
    Deque<String> queue = new ArrayDeque<>(dropped);
    List<Dependent> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      String name = queue.removeFirst();
      for (ViewDef v : views) {
        if (v.dependsOn().contains(name) && gone.add(v.name())) {
          out.add(new Dependent(v, name));
          queue.addLast(v.name());
        }
      }
    }
    return out;
  }
}
