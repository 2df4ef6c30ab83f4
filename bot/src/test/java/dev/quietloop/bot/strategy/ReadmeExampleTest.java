package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README shows the full code of the tiny example strategy: it must be the code that ships. */
class ReadmeExampleTest
{
    private static final Path ROOT = Path.of(System.getProperty("quietloop.root", ".."));

    @Test
    void shouldShowTheShippedTickSignalStrategyVerbatim() throws IOException
    {
        final String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        final String source = Files.readString(
            ROOT.resolve("bot/src/main/java/dev/quietloop/bot/strategy/TickSignalStrategy.java"), StandardCharsets.UTF_8);

        assertTrue(readme.contains("```java\n" + source + "```"), "README.md must show TickSignalStrategy.java as it is");
        assertTrue(readme.contains("BY_NAME.put(\"tick-signal\", TickSignalStrategy::new);") ||
            readme.contains("TickSignalStrategy::new"), "README.md must show the registration line");
    }
}
