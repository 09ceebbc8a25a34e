package io.snapsync.core.sql.engine.exec;

/** Join types of the join operators; SEMI and ANTI output only left rows. */
public enum JoinKind {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  boolean leftOnly() {
    return this == SEMI || this == ANTI;
  }

  boolean keepsUnmatchedLeft() {
    return this == LEFT || this == FULL;
  }

  boolean keepsUnmatchedRight() {
    return this == RIGHT || this == FULL;
  }
}
