package io.snapsync.core.sql.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name the brief asks for resolves to at least one overload. */
class RegisteredNamesTest {

  @Test
  void everyPromisedNameIsRegistered() {
    BuiltinLibrary lib = BuiltinLibrary.INSTANCE;
    List<String> scalars = List.of("+", "-", "*", "/", "%", "^", "|/", "@", "||", "~~", "~~*",
        "!~~", "!~~*", "~", "~*", "!~", "!~*", "->", "->>", "#>", "#>>", "@>", "<@", "?", "?|",
        "?&", "&&", "length", "char_length", "octet_length", "bit_length", "lower", "upper",
        "initcap", "substr", "substring", "position", "strpos", "btrim", "ltrim", "rtrim",
        "replace", "left", "right", "lpad", "rpad", "repeat", "reverse", "split_part", "concat",
        "concat_ws", "format", "quote_ident", "quote_literal", "quote_nullable", "md5", "chr",
        "ascii", "starts_with", "regexp_replace", "regexp_match", "to_hex", "translate", "abs",
        "round", "trunc", "floor", "ceil", "ceiling", "mod", "power", "sqrt", "cbrt", "exp",
        "ln", "log", "log10", "sign", "pi", "degrees", "radians", "sin", "cos", "tan", "random",
        "div", "gcd", "lcm", "width_bucket", "now", "current_timestamp", "transaction_timestamp",
        "statement_timestamp", "clock_timestamp", "current_date", "localtimestamp",
        "date_trunc", "date_part", "extract", "age", "make_date", "make_time", "make_timestamp",
        "make_interval", "justify_days", "justify_hours", "justify_interval", "to_timestamp",
        "to_char", "to_date", "to_number", "gen_random_uuid", "version", "current_database",
        "current_schema", "current_schemas", "current_user", "session_user", "user",
        "current_setting", "set_config", "jsonb_build_object", "jsonb_build_array", "to_jsonb",
        "jsonb_typeof", "jsonb_array_length", "json_build_object", "json_build_array",
        "to_json", "json_typeof", "json_array_length", "array_length", "array_lower",
        "array_upper", "cardinality", "array_append", "array_prepend", "array_cat",
        "array_position", "array_remove", "array_to_string", "string_to_array", "like_escape",
        "similar_to_escape");
    List<String> aggregates = List.of("count", "sum", "avg", "min", "max", "bool_and",
        "bool_or", "every", "string_agg", "array_agg", "stddev", "stddev_samp", "stddev_pop",
        "variance", "var_samp", "var_pop", "bit_and", "bit_or", "jsonb_agg", "json_agg");
    List<String> missing = new ArrayList<>();
    scalars.stream().filter(n -> !lib.scalarNames().contains(n)).forEach(missing::add);
    aggregates.stream().filter(n -> !lib.aggregateNames().contains(n)).forEach(missing::add);
    assertEquals(List.of(), missing);
    assertTrue(lib.scalarNames().size() > 150, "names: " + lib.scalarNames().size());
  }
}
