package io.snapsync.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Source of a real test plugin, compiled and jarred by {@link PluginJars}: extension
 * {@code hello} adds the function {@code hello_plugin(name text) -> text} whose result is the
 * catalog text {@code hello.greeting} (English and Chinese) in the caller's lc_messages, and the
 * setting {@code hello_greeting_enabled}.
 */
public final class HelloPlugin {

  private HelloPlugin() {
  }

  static final String SOURCE = """
      package example.hello;

      import io.snapsync.core.catalog.MessageCatalog;
      import io.snapsync.core.error.Message;
      import io.snapsync.core.session.DataType;
      import io.snapsync.core.settings.SettingDefinition;
      import io.snapsync.core.spi.*;
      import io.vertx.core.Future;
      import java.util.List;

      public class HelloExtension implements SnapsyncExtension {
        private volatile MessageCatalog catalog;

        public String name() { return "hello"; }

        public void register(ExtensionContext ctx) {
          catalog = ctx.catalog();
          ctx.addCatalog(HelloExtension.class.getClassLoader(), "example/hello/messages");
          ctx.addSetting(SettingDefinition.bool("hello_greeting_enabled",
              SettingDefinition.Level.NODE, true, "hello.desc.enabled"));
          ctx.addFunction(new SqlFunction() {
            public String name() { return "hello_plugin"; }
            public List<FunctionParam> params() {
              return List.of(FunctionParam.required("name", DataType.TEXT));
            }
            public DataType returnType() { return DataType.TEXT; }
            public Future<Object> call(FunctionCall call) {
              return Future.succeededFuture(catalog.render(call.lcMessages(),
                  Message.of("hello.greeting", call.args().get(0))));
            }
          });
        }
      }
      """;

  static final String BROKEN_SOURCE = """
      package example.broken;

      import io.snapsync.core.spi.*;

      public class BrokenExtension implements SnapsyncExtension {
        public String name() { return "broken"; }
        public void register(ExtensionContext ctx) {
          throw new IllegalStateException("the broken plugin refuses to register");
        }
      }
      """;

  /** Builds {@code <dir>/plugins/hello.jar}. */
  public static Path buildJar(Path work, Path pluginDir) throws IOException {
    return PluginJars.build(work, pluginDir.resolve("hello.jar"),
        Map.of("example.hello.HelloExtension", SOURCE),
        Map.of("META-INF/services/io.snapsync.core.spi.SnapsyncExtension",
            "example.hello.HelloExtension\n",
            "example/hello/messages.properties",
            "hello.greeting=Hello, {0}!\nhello.desc.enabled=Enables greetings.\n"
                + "settings.desc.application_name=Application name (overridden by hello).\n",
            "example/hello/messages_zh_CN.properties", "hello.greeting=你好，{0}！\n"));
  }

  /** Builds {@code <dir>/plugins/broken.jar} whose register() throws. */
  public static Path buildBrokenJar(Path work, Path pluginDir) throws IOException {
    return PluginJars.build(work, pluginDir.resolve("broken.jar"),
        Map.of("example.broken.BrokenExtension", BROKEN_SOURCE),
        Map.of("META-INF/services/io.snapsync.core.spi.SnapsyncExtension",
            "example.broken.BrokenExtension\n"));
  }

  /** A jar whose service file names a class that does not exist. */
  public static Path buildMissingClassJar(Path work, Path pluginDir) throws IOException {
    return PluginJars.build(work, pluginDir.resolve("missing.jar"), Map.of(),
        Map.of("META-INF/services/io.snapsync.core.spi.SnapsyncExtension",
            "example.missing.NoSuchExtension\n"));
  }
}
