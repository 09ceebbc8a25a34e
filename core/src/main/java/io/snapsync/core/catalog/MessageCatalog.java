package io.snapsync.core.catalog;

import io.snapsync.core.error.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-visible text, keyed by a stable message id, per language. English ({@code en}) is
 * the fallback for any id missing in another language.
 *
 * <p>A bundle is a pair of UTF-8 properties files on a class path: {@code <base>.properties}
 * (English) and {@code <base>_zh_CN.properties} (Simplified Chinese). Texts use {@code {0}},
 * {@code {1}}, ... for arguments and nothing else is special (apostrophes and quotes are
 * literal). Bundles added later override earlier entries, so extensions can replace texts.
 *
 * <p>Thread-safe: reads are lock-free; {@link #addBundle} is meant for start-up.
 */
public final class MessageCatalog {

  /** Languages shipped. */
  public static final List<String> LANGUAGES = List.of("en", "zh_CN");

  /** The core's own bundles. */
  public static final List<String> CORE_BUNDLES = List.of(
      "io/snapsync/messages/core",
      "io/snapsync/messages/hardening",
      "io/snapsync/messages/sql",
      "io/snapsync/messages/snapshot",
      "io/snapsync/messages/settings",
      "io/snapsync/messages/security",
      "io/snapsync/messages/wdr",
      "io/snapsync/messages/cluster",
      "io/snapsync/messages/types",
      "io/snapsync/messages/functions",
      "io/snapsync/messages/parser",
      "io/snapsync/messages/engine",
      "io/snapsync/messages/ddl",
      "io/snapsync/messages/privileges",
      "io/snapsync/messages/index",
      "io/snapsync/messages/catalog",
      "io/snapsync/messages/cursor",
      "io/snapsync/messages/routine");

  private static volatile MessageCatalog builtin;

  private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

  public MessageCatalog() {
    for (String lang : LANGUAGES) {
      byLanguage.put(lang, new ConcurrentHashMap<>());
    }
  }

  /** A catalog holding the core bundles. */
  public static MessageCatalog withCoreBundles() {
    MessageCatalog c = new MessageCatalog();
    for (String b : CORE_BUNDLES) {
      c.addBundle(MessageCatalog.class.getClassLoader(), b);
    }
    return c;
  }

  /** The shared core catalog (used for log texts and as a start for node catalogs). */
  public static MessageCatalog builtin() {
    MessageCatalog c = builtin;
    if (c == null) {
      synchronized (MessageCatalog.class) {
        if (builtin == null) {
          builtin = withCoreBundles();
        }
        c = builtin;
      }
    }
    return c;
  }

  /** English text of {@code m} from the core catalog (for exception messages and logs). */
  public static String english(Message m) {
    return m == null ? null : builtin().render("en", m);
  }

  /** Loads {@code base.properties} and {@code base_zh_CN.properties} from {@code loader}. */
  public MessageCatalog addBundle(ClassLoader loader, String base) {
    boolean found = false;
    for (String lang : LANGUAGES) {
      String name = lang.equals("en") ? base + ".properties" : base + "_" + lang + ".properties";
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          continue;
        }
        found = true;
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> target = byLanguage.get(lang);
        p.forEach((k, v) -> target.put((String) k, (String) v));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read message catalog " + name, e);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no message catalog " + base + ".properties");
    }
    return this;
  }

  /** Adds or overrides one text (for tests and programmatic extensions). */
  public void put(String language, String id, String text) {
    byLanguage.computeIfAbsent(language, l -> new ConcurrentHashMap<>()).put(id, text);
  }

  /**
   * Normalizes an {@code lc_messages} value ({@code zh_CN.UTF-8}, {@code zh-CN}, {@code C},
   * {@code en_US}, empty) to a shipped language; anything unknown is {@code en}.
   */
  public static String language(String lcMessages) {
    if (lcMessages == null) {
      return "en";
    }
    String l = lcMessages.trim().toLowerCase(Locale.ROOT);
    if (l.startsWith("zh")) {
      return "zh_CN";
    }
    return "en";
  }

  /** The text of {@code m} in the language of {@code lcMessages}, English if missing. */
  public String render(String lcMessages, Message m) {
    String lang = language(lcMessages);
    String pattern = byLanguage.get(lang).get(m.id());
    if (pattern == null) {
      pattern = byLanguage.get("en").get(m.id());
    }
    if (pattern == null) {
      return m.id() + (m.args().isEmpty() ? "" : " " + m.args());
    }
    return format(pattern, m.args());
  }

  /** The raw text of {@code id} in {@code language}, without fallback. */
  public Optional<String> text(String language, String id) {
    Map<String, String> texts = byLanguage.get(language);
    return texts == null ? Optional.empty() : Optional.ofNullable(texts.get(id));
  }

  /** Every id known in any language. */
  public Set<String> ids() {
    Set<String> all = new TreeSet<>();
    byLanguage.values().forEach(m -> all.addAll(m.keySet()));
    return all;
  }

  static String format(String pattern, List<Object> args) {
    if (args.isEmpty() || pattern.indexOf('{') < 0) {
      return pattern;
    }
    StringBuilder sb = new StringBuilder(pattern.length() + 16);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1) {
        String n = pattern.substring(i + 1, close);
        if (n.chars().allMatch(Character::isDigit)) {
          int idx = Integer.parseInt(n);
          sb.append(idx < args.size() ? String.valueOf(args.get(idx)) : "{" + n + "}");
          i = close + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }
}
