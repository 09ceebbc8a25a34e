package io.snapsync.core.security.acl;

/** The kinds of objects that carry privileges. */
public enum ObjectKind {
  TABLE("table"), SEQUENCE("sequence"), SCHEMA("schema"), FUNCTION("function");

  private final String word;

  ObjectKind(String word) {
    this.word = word;
  }

  /** The word PostgreSQL's messages use ({@code permission denied for table t}). */
  public String word() {
    return word;
  }
}
