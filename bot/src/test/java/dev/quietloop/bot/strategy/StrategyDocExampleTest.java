package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/strategies.md shows the full code of the tiny example strategy: it must be the code that ships. */
class StrategyDocExampleTest
{
    private static final Path ROOT = Path.of(System.getProperty("quietloop.root", ".."));

    @Test
    void shouldShowTheShippedTickSignalStrategyVerbatim() throws IOException
    {
        final String doc = Files.readString(ROOT.resolve("docs/strategies.md"), StandardCharsets.UTF_8);
        final String source = Files.readString(
            ROOT.resolve("bot/src/main/java/dev/quietloop/bot/strategy/TickSignalStrategy.java"), StandardCharsets.UTF_8);

        assertTrue(doc.contains("```java\n" + source + "```"), "docs/strategies.md must show TickSignalStrategy.java as it is");
        assertTrue(doc.contains("BY_NAME.put(\"tick-signal\", TickSignalStrategy::new);") ||
            doc.contains("TickSignalStrategy::new"), "docs/strategies.md must show the registration line");
    }
}
