package io.snapsync.core.sql.types;

/**
 * A {@code json} or {@code jsonb} value carried as its text: for {@code json} the text as
 * given, for {@code jsonb} PostgreSQL's normalized output text. Immutable.
 */
public record Json(String text, boolean binary) {
}
