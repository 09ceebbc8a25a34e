package io.snapsync.sql.parser.ast;

/** The kinds of object DROP names. */
public enum PgObjectType { TABLE, INDEX, VIEW, SEQUENCE, SCHEMA }
