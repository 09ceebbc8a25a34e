package io.snapsync.bench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsqlRunTest {

  @Test
  void outputIsCutAtTheMarkersAndAMissingMarkerLeavesNoOutput() {
    String out = "@@regress-unit 0@@\n a \n---\n 1\n(1 row)\n\n@@regress-unit 2@@\n"
        + "ERROR:  boom\n@@regress-unit end@@\n";
    assertEquals(Arrays.asList(" a \n---\n 1\n(1 row)\n", null, "ERROR:  boom"),
        PsqlRun.cut(out, 3));
  }

  @Test
  void echoedMarkerCommandsAreNotOutput() {
    String out = "@@regress-unit 0@@\nSELECT 1;\n\\echo @@regress-unit 1@@\n"
        + "@@regress-unit 1@@\nx\n";
    assertEquals(List.of("SELECT 1;", "x\n"), PsqlRun.cut(out, 2));
  }

  @Test
  void scriptPutsAMarkerBeforeEveryUnit() {
    String script = PsqlRun.script(PsqlSplitter.split("SELECT 1; \\set x 1\nSELECT 2"));
    assertEquals("\\echo @@regress-unit 0@@\nSELECT 1;\n\\echo @@regress-unit 1@@\n\\set x 1\n"
        + "\\echo @@regress-unit 2@@\nSELECT 2\n;\n\\echo @@regress-unit end@@\n", script);
  }
}
