package io.snapsync.core.sql.exec;

/**
 * The store key of a row, carried as an extra trailing value of the rows that the target scan
 * of an UPDATE or DELETE on a table without a primary key produces, so the write addresses
 * the very row the scan found. Never reaches a client: only the DML engine asks for it.
 */
public record RowKey(byte[] key) {
}
