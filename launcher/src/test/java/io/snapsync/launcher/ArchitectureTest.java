package io.snapsync.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #19: the boundaries between the modules, checked over the compiled main classes of
 * every module the launcher bundles (core, storage, the plugins, the console). A plugin sees the
 * core only through its public packages (never an {@code impl} package, nor the node object
 * itself), nor another plugin's {@code impl}; only {@code storage} touches RocksDB; and no
 * package cycle appears beyond the ones listed in {@link #KNOWN_CYCLES}, which may only shrink.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

  /**
   * Package cycles that exist today, each to be broken (issue #19). A cycle found must lie
   * inside one of these; a new cycle, or a listed one that grew, fails. When a listed cycle
   * shrinks or is broken, {@link #everyListedCycleIsExactlyAsListed} fails until this list
   * says so: the list only ever gets shorter.
   */
  private static final List<Set<String>> KNOWN_CYCLES = List.of(
      // the SQL layer and the node: Database <-> system tables <-> Executor, parse <-> txn,
      // node <-> spi, session.impl <-> sql
      Set.of("core.cluster", "core.eventbus", "core.node", "core.node.impl", "core.plugin",
          "core.security.impl", "core.session.impl", "core.settings.impl", "core.spi",
          "core.sql", "core.sql.access", "core.sql.builtin", "core.sql.catalog",
          "core.sql.copy", "core.sql.cursor", "core.sql.ddl", "core.sql.engine",
          "core.sql.engine.analyze", "core.sql.engine.dml", "core.sql.engine.exec",
          "core.sql.engine.expr", "core.sql.engine.plan", "core.sql.exec", "core.sql.explain",
          "core.sql.func", "core.sql.index", "core.sql.lock", "core.sql.parse",
          "core.sql.routine", "core.sql.srf", "core.txn"),
      // SnapsyncException renders through MessageCatalog and carries session Notices
      Set.of("core.catalog", "core.error", "core.session"),
      // Store.open names RocksStore
      Set.of("storage", "storage.impl"),
      // the grammar's AST nodes and the parser JavaCC generates from it refer to each other
      Set.of("sql.parser", "sql.parser.impl"));

  private JavaClasses classes;

  @BeforeAll
  void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ArchitectureTest::mainClassesOnly)
        .importPackages("io.snapsync");
  }

  /** Main classes of the modules: not test classes, nor the core's test-jar fixtures. */
  private static boolean mainClassesOnly(Location location) {
    return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
        && !location.contains("-tests.jar") && !location.contains("/test-classes/");
  }

  @Test
  void theImportCoversEveryBundledModule() {
    for (String pkg : List.of("io.snapsync.core.sql", "io.snapsync.storage",
        "io.snapsync.plugins.wdr", "io.snapsync.plugins.pgwire", "io.snapsync.console")) {
      assertTrue(classes.containPackage(pkg), pkg + " was not imported: the rules saw nothing");
    }
  }

  @Test
  void pluginsReachTheCoreOnlyThroughItsPublicPackages() {
    noClasses().that().resideInAnyPackage("io.snapsync.plugins..", "io.snapsync.console..")
        .should().dependOnClassesThat().resideInAnyPackage("io.snapsync.core..impl..",
            "io.snapsync.core.plugin..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.snapsync.core.node.Node")
        .orShould().dependOnClassesThat()
        .haveFullyQualifiedName("io.snapsync.core.node.NodeServices")
        .because("an extension gets what it needs from ExtensionContext (issue #19)")
        .check(classes);
  }

  @Test
  void noModuleReachesIntoAPluginsImplementation() {
    for (String plugin : List.of("wdr", "pgwire")) {
      noClasses().that().resideOutsideOfPackage("io.snapsync.plugins." + plugin + "..")
          .should().dependOnClassesThat()
          .resideInAPackage("io.snapsync.plugins." + plugin + ".impl..")
          .because("a plugin's API is its api package and the services it registers")
          .check(classes);
    }
  }

  @Test
  void onlyStorageTouchesRocksDb() {
    noClasses().that().resideOutsideOfPackage("io.snapsync.storage..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .check(classes);
  }

  @Test
  void noPackageCycleBeyondTheListedOnes() {
    List<Set<String>> found = cycles();
    List<String> unexpected = new ArrayList<>();
    for (Set<String> c : found) {
      if (KNOWN_CYCLES.stream().noneMatch(k -> k.containsAll(c))) {
        unexpected.add(c.toString());
      }
    }
    assertEquals(List.of(), unexpected, "new package cycles (or a listed one grew)");
  }

  @Test
  void everyListedCycleIsExactlyAsListed() {
    List<Set<String>> found = cycles();
    for (Set<String> known : KNOWN_CYCLES) {
      assertTrue(found.contains(known), "the cycle " + known + " has shrunk or is broken:"
          + " list what is left of it (found " + found + ")");
    }
  }

  /** Strongly connected groups of two or more packages (Tarjan), names without io.snapsync. */
  private List<Set<String>> cycles() {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = shortName(c.getPackageName());
      edges.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = d.getTargetClass().getPackageName();
        if (to.startsWith("io.snapsync.") && !shortName(to).equals(from)) {
          edges.get(from).add(shortName(to));
        }
      }
    }
    return new Tarjan(edges).components();
  }

  private static String shortName(String pkg) {
    return pkg.startsWith("io.snapsync.") ? pkg.substring("io.snapsync.".length()) : pkg;
  }

  /** Tarjan's strongly connected components over a package graph. */
  private static final class Tarjan {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> out = new ArrayList<>();
    private int next;

    Tarjan(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    List<Set<String>> components() {
      for (String v : edges.keySet()) {
        if (!index.containsKey(v)) {
          visit(v);
        }
      }
      return out;
    }

    private void visit(String v) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      for (String w : edges.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> c = new TreeSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          c.add(w);
        } while (!w.equals(v));
        if (c.size() > 1) {
          out.add(c);
        }
      }
    }
  }
}
