package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins on {@code --strategy-path}: real jars, compiled here against the strategy API and loaded by ServiceLoader. */
class StrategiesPathTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAddThePluginsOfAJarToTheBuiltInStrategies() throws IOException
    {
        final Path jar = pluginJar("one", "echo", "threshold");

        final Strategies strategies = Strategies.load(List.of(jar));

        assertEquals("echo, imbalance, ma-crossover, tick-signal", strategies.names());
        assertTrue(strategies.listing().contains("echo threshold=7"), strategies.listing().toString());
        assertEquals(7, strategies.parameters("echo", Map.of()).integer("threshold"));
        assertEquals(9, strategies.parameters("echo", Map.of("threshold", "9")).integer("threshold"));
        final TradingHarness harness = new TradingHarness(context -> strategies.create("echo", context), "BTCUSDT");
        harness.quote(0, 100, 1, 101, 1);
        final List<String> lines = harness.lines();
        assertEquals(1, lines.size(), "the plugin's strategy ran: one signal a quote " + lines);
        assertTrue(lines.get(0).contains(" code 9 "), lines.toString());
    }

    @Test
    void shouldTakeEveryJarOfAFolder() throws IOException
    {
        final Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.move(pluginJar("one", "alpha", "a"), folder.resolve("alpha.jar"));
        Files.move(pluginJar("two", "beta", "b"), folder.resolve("beta.jar"));

        assertEquals("alpha, beta, imbalance, ma-crossover, tick-signal", Strategies.load(List.of(folder)).names());
    }

    @Test
    void shouldRefuseTwoStrategiesOfOneNameNamingBoth() throws IOException
    {
        final Path jar = pluginJar("one", "tick-signal", "x");

        final String message = assertThrows(ConfigException.class, () -> Strategies.load(List.of(jar))).getMessage();

        assertTrue(message.startsWith("two strategies are named 'tick-signal': "), message);
        assertTrue(message.contains("TickSignalStrategy$Provider") && message.contains(jar.getFileName().toString()), message);
    }

    @Test
    void shouldRefuseABadNameAPathThatIsNotThereAndAFolderWithoutJars() throws IOException
    {
        final Path badName = pluginJar("one", "Echo", "x");
        final Path empty = Files.createDirectories(dir.resolve("empty"));

        assertTrue(assertThrows(ConfigException.class, () -> Strategies.load(List.of(badName))).getMessage()
            .contains("is named 'Echo': a strategy's name is lower-case letters, digits and dashes"));
        assertEquals("--strategy-path " + dir.resolve("none.jar") + ": no such jar or folder",
            assertThrows(ConfigException.class, () -> Strategies.load(List.of(dir.resolve("none.jar")))).getMessage());
        assertEquals("--strategy-path " + empty + ": no .jar in this folder",
            assertThrows(ConfigException.class, () -> Strategies.load(List.of(empty))).getMessage());
    }

    @Test
    void shouldRefuseAJarThatNamesAProviderItDoesNotHold() throws IOException
    {
        final Path jar = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)))
        {
            out.putNextEntry(new JarEntry("META-INF/services/dev.quietloop.strategy.StrategyProvider"));
            out.write("com.example.Missing\n".getBytes(StandardCharsets.UTF_8));
        }

        final String message = assertThrows(ConfigException.class, () -> Strategies.load(List.of(jar))).getMessage();

        assertTrue(message.startsWith("cannot load a strategy provider: ") && message.contains("com.example.Missing"),
            message);
    }

    /**
     * A jar holding one provider, {@code pkg.Provider}, of a strategy named {@code name} with one
     * integer parameter (default 7) that signals once a quote.
     */
    private Path pluginJar(final String pkg, final String name, final String parameter) throws IOException
    {
        final Path src = Files.createDirectories(dir.resolve("src-" + pkg + "-" + name).resolve(pkg));
        final Path source = Files.writeString(src.resolve("Provider.java"), String.join("\n",
            "package " + pkg + ";",
            "import dev.quietloop.strategy.*;",
            "import java.util.List;",
            "public final class Provider implements StrategyProvider {",
            "  public String name() { return \"" + name + "\"; }",
            "  public List<StrategyParameter> parameters() {",
            "    return List.of(StrategyParameter.integer(\"" + parameter + "\", 7, \"a number\")); }",
            "  public Strategy create(StrategyContext context, StrategyParameters parameters) {",
            "    return quote -> context.signal(quote.symbolId(), (byte)1, 9, quote.midPrice(), 0); }",
            "}"));
        final Path classes = Files.createDirectories(dir.resolve("classes-" + pkg + "-" + name));
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp",
            System.getProperty("java.class.path"), source.toString()), "the plugin compiles");
        final Path jar = dir.resolve(pkg + "-" + name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.quietloop.strategy.StrategyProvider"));
            write(out, pkg + ".Provider\n");
        }
        return jar;
    }

    private static void write(final OutputStream out, final String text) throws IOException
    {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
