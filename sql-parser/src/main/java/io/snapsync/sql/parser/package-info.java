/**
 * snapsync's SQL parser: PostgreSQL's grammar built from Calcite's Parser.jj template.
 * {@link io.snapsync.sql.parser.PgParser} is the entry point; nodes Calcite lacks are in
 * {@code ast}; {@code impl} is generated (plus the few hand-written classes around it).
 */
package io.snapsync.sql.parser;
