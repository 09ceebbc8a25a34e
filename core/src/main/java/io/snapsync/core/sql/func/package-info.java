/**
 * PostgreSQL's built-in functions, operators and aggregates over the Java values of
 * {@link io.snapsync.core.session.DataType}: {@link io.snapsync.core.sql.func.FunctionLibrary}
 * resolves a name and argument types to one overload (PostgreSQL's rules: exact match, implicit
 * casts, most exact matches, preferred types, {@code unknown} literals by category, then by the
 * other arguments' type; ambiguity and absence are both empty, the engine reports 42725/42883).
 *
 * <h2>Contract for the engine</h2>
 * <ul>
 *   <li>Cast every argument to the chosen overload's {@code argTypes()} before {@code apply}
 *       (an {@code unknown} literal to the declared type). Variadic overloads ({@code concat},
 *       {@code concat_ws}, {@code format}, {@code json[b]_build_object/array}) declare the
 *       actual types, so nothing needs casting but the first text argument.</li>
 *   <li>{@code strict()}: a NULL argument gives NULL without calling; {@code apply} also checks
 *       it. {@code volatile_()}: random, clock_timestamp, gen_random_uuid, set_config.</li>
 *   <li>Aggregates: {@code count(*)} is {@code aggregate("count", List.of())}; strict
 *       aggregates skip rows with a NULL argument themselves; DISTINCT/FILTER/ORDER BY are the
 *       executor's.</li>
 *   <li>{@link io.snapsync.core.sql.func.EvalContext#setConfig} and
 *       {@link io.snapsync.core.sql.func.EvalContext#database} have defaults (0A000 and
 *       {@code "snapsync"}); the session's context should implement both.</li>
 * </ul>
 *
 * <h2>How SQL syntax maps to names</h2>
 * <ul>
 *   <li>Operators by symbol: {@code + - * / % ^ |/ ||/ @ & | # ~ << >> || = <> < <= > >=},
 *       LIKE {@code ~~ ~~* !~~ !~~*} (ILIKE is {@code ~~*}), regex {@code ~ ~* !~ !~*},
 *       {@code ^@} (starts with), json {@code -> ->> #> #>> @> <@ ? ?| ?& || -}, arrays
 *       {@code || @> <@ &&}. Unary minus/plus are one-argument {@code -}/{@code +}.</li>
 *   <li>{@code a LIKE b ESCAPE e} is {@code ~~(a, like_escape(b, e))};
 *       {@code a SIMILAR TO b [ESCAPE e]} is {@code ~(a, similar_to_escape(b [, e]))}.</li>
 *   <li>{@code EXTRACT(f FROM x)} is {@code extract('f', x)} (numeric, as in PostgreSQL 14+);
 *       {@code date_part('f', x)} is float8.</li>
 *   <li>{@code POSITION(a IN b)} is {@code position(b, a)};
 *       {@code SUBSTRING(x FROM a FOR b)} is {@code substring(x, a, b)}, {@code FROM a} alone
 *       {@code substring(x, a)}, {@code FOR b} alone {@code substring(x, 1, b)};
 *       {@code SUBSTRING(x FROM 'regex')} is {@code substring(x, 'regex')} (text second
 *       argument), {@code SUBSTRING(x SIMILAR p ESCAPE e)} is {@code substring(x, p, e)}.</li>
 *   <li>{@code TRIM([BOTH] c FROM s)} is {@code btrim(s, c)}, {@code LEADING} {@code ltrim},
 *       {@code TRAILING} {@code rtrim}; without {@code c} the one-argument forms.</li>
 *   <li>{@code CURRENT_TIMESTAMP}, {@code CURRENT_DATE}, {@code LOCALTIMESTAMP},
 *       {@code LOCALTIME}, {@code CURRENT_USER}, {@code SESSION_USER}, {@code USER},
 *       {@code CURRENT_ROLE}, {@code CURRENT_SCHEMA}, {@code CURRENT_CATALOG} are zero-argument
 *       functions of the same (lower-case) names.</li>
 *   <li>Named arguments with defaults ({@code make_interval(days => 10)}) are passed
 *       positionally with the defaults (0) filled in; any prefix of make_interval's seven
 *       arguments resolves.</li>
 *   <li>CASE, COALESCE, NULLIF, GREATEST, LEAST, IN, BETWEEN, IS [NOT] DISTINCT FROM are the
 *       engine's; their comparisons can use the {@code =}/{@code <} overloads here.</li>
 * </ul>
 *
 * <p>Not here: set-returning functions (generate_series, unnest, regexp_matches,
 * jsonb_each/object_keys), window functions, pg_typeof (the engine knows the types).
 */
package io.snapsync.core.sql.func;
