/**
 * Syntax-tree nodes for the PostgreSQL forms Calcite has no node for: {@code $n} parameters,
 * PostgreSQL type names, operators ({@code ->}, {@code @>}, {@code ^}, {@code OPERATOR(s.op)}),
 * DML with {@code RETURNING}, {@code ON CONFLICT}, {@code UPDATE ... FROM} and
 * {@code DELETE ... USING}, and the DDL statements. Every node is immutable once the parser
 * returns it, apart from what Calcite's own base classes allow to be set.
 */
package io.snapsync.sql.parser.ast;
