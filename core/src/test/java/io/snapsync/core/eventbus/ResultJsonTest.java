package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.types.AllTypesRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

  @Test
  void everyTypeAndTypmodRoundTripsThroughTheApiJson() {
    StatementResult r = AllTypesRow.result();
    JsonObject j = new JsonObject(ResultJson.result(r, MessageCatalog.withCoreBundles(), "en")
        .encode());
    List<Column> cols = new ArrayList<>();
    JsonArray cj = j.getJsonArray("columns");
    for (int i = 0; i < cj.size(); i++) {
      JsonObject c = cj.getJsonObject(i);
      DataType t = DataType.ofOid(c.getInteger("oid"));
      assertEquals(t.sqlName(), c.getString("type"));
      cols.add(new Column(c.getString("name"), t, c.getInteger("typmod", -1)));
    }
    List<List<Object>> rows = new ArrayList<>();
    JsonArray rj = j.getJsonArray("rows");
    for (int k = 0; k < rj.size(); k++) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < cols.size(); i++) {
        row.add(ResultJson.javaValue(rj.getJsonArray(k).getValue(i), cols.get(i)));
      }
      rows.add(row);
    }
    AllTypesRow.assertSame(r, new StatementResult(cols, rows, r.commandTag(), List.of()));
  }

  @Test
  void valuesReadAsPostgresqlTextOrJson() {
    StatementResult r = AllTypesRow.result();
    JsonArray row = ResultJson.result(r, MessageCatalog.withCoreBundles(), "en")
        .getJsonArray("rows").getJsonArray(0);
    assertEquals(7, row.getValue(2));
    assertEquals("NaN", row.getValue(9));
    assertEquals("2024-01-01 21:34:05.123456+00", row.getValue(21));
    assertEquals(new JsonArray("[[1,null],[3,4]]"), row.getValue(27));
  }
}
