package io.snapsync.core.error;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * A catalog message reference: a stable message id and its arguments. The text is looked up
 * in the {@link io.snapsync.core.catalog.MessageCatalog} in the reader's language, so a message
 * can cross the event bus and be rendered where it is shown.
 *
 * @param id the catalog id, e.g. {@code snapshot.export_in_subtransaction}
 * @param args arguments substituted for {@code {0}}, {@code {1}}, ... (strings, numbers)
 */
public record Message(String id, List<Object> args) {

  public Message {
    args = List.copyOf(args);
  }

  public static Message of(String id, Object... args) {
    return new Message(id, Arrays.asList(args));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("args", new JsonArray(args));
  }

  public static Message fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonArray a = json.getJsonArray("args", new JsonArray());
    return new Message(json.getString("id"), a.getList());
  }
}
