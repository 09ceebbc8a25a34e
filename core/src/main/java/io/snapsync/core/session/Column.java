package io.snapsync.core.session;

/** A result column: its name and type. */
public record Column(String name, DataType type) {
}
