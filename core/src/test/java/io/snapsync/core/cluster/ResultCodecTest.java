package io.snapsync.core.cluster;

import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.types.AllTypesRow;
import io.vertx.core.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCodecTest {

  @Test
  void everyTypeAndTypmodCrossesTheEventBusUnchanged() {
    StatementResult r = AllTypesRow.result();
    // encode to the wire text and parse it again, as the event bus does between nodes
    String wire = ResultCodec.encode(List.of(r)).encode();
    StatementResult back = ResultCodec.decode(new JsonArray(wire)).get(0);
    AllTypesRow.assertSame(r, back);
  }
}
