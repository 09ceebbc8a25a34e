package io.snapsync.core.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedDefinitionsTest {

  private static TableDef table(String name, String... columns) {
    List<Column> cols = java.util.Arrays.stream(columns)
        .map(c -> new Column(c, DataType.INT4)).toList();
    return new TableDef(7, name, cols, 0,
        java.util.Collections.nCopies(columns.length, false));
  }

  @Test
  void theSameStoredBytesGiveTheSameDefinitionWithoutDecodingAgain() {
    DecodedDefinitions decoded = new DecodedDefinitions();
    byte[] stored = table("t", "id", "n").toBytes();
    TableDef first = decoded.decode("t", stored);
    assertEquals(TableDef.fromBytes(stored), first);
    assertSame(first, decoded.decode("t", stored.clone()));
  }

  @Test
  void anotherVersionOfTheDefinitionIsDecodedAfresh() {
    DecodedDefinitions decoded = new DecodedDefinitions();
    TableDef before = decoded.decode("t", table("t", "id").toBytes());
    TableDef after = decoded.decode("t", table("t", "id", "added").toBytes());
    assertNotSame(before, after);
    assertEquals(List.of("id", "added"), after.columns().stream().map(Column::name).toList());
    assertEquals(1, decoded.decode("t", table("t", "id").toBytes()).columns().size());
  }

  @Test
  void changingTheBytesAfterwardsDoesNotChangeWhatIsRemembered() {
    DecodedDefinitions decoded = new DecodedDefinitions();
    byte[] stored = table("t", "id").toBytes();
    TableDef first = decoded.decode("t", stored);
    java.util.Arrays.fill(stored, (byte) ' ');
    assertSame(first, decoded.decode("t", table("t", "id").toBytes()));
  }
}
