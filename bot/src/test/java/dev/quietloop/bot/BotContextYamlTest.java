package dev.quietloop.bot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quietloop.bot.config.BotContext;
import dev.quietloop.bot.config.SendMode;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The bot's section of a run's {@code config.yaml}: every setting under the name of the flag that
 * sets it, in that flag's syntax, and what belongs to the run alone apart from them.
 */
class BotContextYamlTest
{
    /** The section's keys, in order: the flags, then the two records {@code --config} skips. */
    private static final List<String> KEYS = List.of(
        "data", "format", "symbol", "strict", "speed", "rate",
        "quiet", "time-hops", "warmup-events", "send-mode", "ring-size", "idle-trading", "strategy", "cpus",
        "trading-cpu",
        "broker", "source-id", "max-frame-bytes", "heartbeat-ms", "drain-timeout", "link-wait-ms", "idle-sender",
        "hwm", "socket-buffer-bytes", "keys", "insecure",
        BotContext.SOCKETS_KEY, BotContext.RUN_KEY);

    @TempDir
    Path dir;

    @Test
    void shouldWriteEverySettingUnderTheNameOfTheFlagThatSetsIt() throws Exception
    {
        final Map<?, ?> bot = section(everyFlagSet());

        assertEquals(KEYS, List.copyOf(bot.keySet()), "every flag, once, in order");
        assertEquals(data().toAbsolutePath().toString(), bot.get("data"));
        assertEquals("quietloop", bot.get("format"));
        assertNull(bot.get("symbol"), "left to the file");
        assertEquals(true, bot.get("strict"));
        assertEquals(2.0, bot.get("speed"));
        assertNull(bot.get("rate"), "the file's timing paces it");
        assertEquals(true, bot.get("quiet"));
        assertEquals(false, bot.get("time-hops"));
        assertEquals(5_000L, YamlDocument.number(bot, "warmup-events"));
        assertEquals("direct", bot.get("send-mode"));
        assertEquals(1_024L, YamlDocument.number(bot, "ring-size"));
        assertEquals("sleep:1ms", bot.get("idle-trading"));
        assertEquals("imbalance", bot.get("strategy"));
        assertEquals("0", bot.get("cpus"));
        assertNull(bot.get("trading-cpu"), "left where the other threads are");
        assertEquals("tcp://127.0.0.1:6001", bot.get("broker"));
        assertEquals(7L, YamlDocument.number(bot, "source-id"));
        assertEquals(4_096L, YamlDocument.number(bot, "max-frame-bytes"));
        assertEquals(250L, YamlDocument.number(bot, "heartbeat-ms"));
        assertEquals(3L, YamlDocument.number(bot, "drain-timeout"));
        assertEquals(1_500L, YamlDocument.number(bot, "link-wait-ms"));
        assertEquals("yield", bot.get("idle-sender"));
        assertEquals(10L, YamlDocument.number(bot, "hwm"));
        assertNull(bot.get("keys"), "no CURVE");
        assertEquals(false, bot.get("insecure"));
        assertEquals(10L, YamlDocument.number(YamlDocument.map(bot, BotContext.SOCKETS_KEY), "highWaterMark"));
        final Map<?, ?> run = YamlDocument.map(bot, BotContext.RUN_KEY);
        assertEquals(Path.of("bot.json").toAbsolutePath().toString(), run.get("summary"));
        assertEquals(true, run.get("exit-with-parent"));
    }

    @Test
    void shouldWriteSpeedAsMaxAndRateAsTheFlagTakesThemWhenAFixedRatePacesTheReplay() throws Exception
    {
        final BotContext paced = new BotContext();
        paced.replay().data(data()).rateTicksPerSecond(500);
        paced.conclude();

        final Map<?, ?> bot = section(paced);

        assertEquals("max", bot.get("speed"), "--speed max and --rate go together; --speed 0 does not");
        assertEquals(500.0, bot.get("rate"));
    }

    /** A context with every flag away from its default, concluded as a run's is. */
    private BotContext everyFlagSet() throws IOException
    {
        final BotContext ctx = new BotContext()
            .ringSize(1_024)
            .sendMode(SendMode.DIRECT)
            .idleTrading(new IdleChoice("sleep:1ms"))
            .strategy("imbalance")
            .warmupEvents(5_000)
            .timeHops(false)
            .quiet(true)
            .summaryFile(Path.of("bot.json"))
            .cpus("0")
            .exitWithParent(true);
        ctx.replay().data(data()).format("quietloop").strict(true).speed(2);
        ctx.sender()
            .broker("tcp://127.0.0.1:6001")
            .sourceId(7)
            .maxFrameBytes(4_096)
            .sockets(SocketSettings.DEFAULTS.withHighWaterMark(10))
            .security(LinkSecurity.OFF)
            .heartbeatMs(250)
            .drainTimeoutSeconds(3)
            .linkWaitMs(1_500)
            .idleSender(new IdleChoice("yield"));
        return ctx.conclude();
    }

    private Path data() throws IOException
    {
        return QuoteFixtures.generated(dir, 10, 1);
    }

    private static Map<?, ?> section(final BotContext ctx)
    {
        return YamlDocument.map(YamlDocument.parse(ConfigYaml.section(Bot.ROLE, ctx::writeYaml)), Bot.ROLE);
    }
}
