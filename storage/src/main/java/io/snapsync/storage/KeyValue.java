package io.snapsync.storage;

/** A key and its value, as returned by scans. Arrays are owned by the caller. */
public record KeyValue(byte[] key, byte[] value) {
}
