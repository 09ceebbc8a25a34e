package io.snapsync.core.sql.ddl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A schema (namespace): its name, its owner (the role that created it or was given it) and its
 * id, fixed at creation, from which its pg_namespace OID derives (stable across renames and
 * restarts). Immutable; stored as JSON in the MVCC store by {@link SchemaCatalog}.
 */
public record SchemaDef(String name, String owner, long id) {

  /** The same schema under another name. */
  public SchemaDef renamed(String newName) {
    return new SchemaDef(newName, owner, id);
  }

  /** The same schema owned by {@code newOwner}. */
  public SchemaDef ownedBy(String newOwner) {
    return new SchemaDef(name, newOwner, id);
  }

  byte[] toBytes() {
    return new JsonObject().put("name", name).put("owner", owner).put("id", id).toBuffer()
        .getBytes();
  }

  static SchemaDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    return new SchemaDef(j.getString("name"), j.getString("owner"), j.getLong("id"));
  }
}
