package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/strategies.md shows the whole of the example plugin: it must be the code that ships in examples/strategy-plugin. */
class StrategyDocExampleTest
{
    private static final Path ROOT = Path.of(System.getProperty("quietloop.root", ".."));
    private static final Path EXAMPLE = ROOT.resolve("examples/strategy-plugin/src/main");

    @Test
    void shouldShowTheExamplePluginVerbatim() throws IOException
    {
        final String doc = Files.readString(ROOT.resolve("docs/strategies.md"), StandardCharsets.UTF_8);

        for (final String file : new String[] {
            "java/com/example/quietloop/SpreadWatchStrategy.java",
            "java/com/example/quietloop/SpreadWatchProvider.java",
            "resources/META-INF/services/dev.quietloop.strategy.StrategyProvider" })
        {
            final String source = Files.readString(EXAMPLE.resolve(file), StandardCharsets.UTF_8);
            assertTrue(doc.contains("\n" + source + "```"), "docs/strategies.md must show " + file + " as it is");
        }
    }
}
