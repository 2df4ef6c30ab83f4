package dev.quietloop.bot;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BotConfigYamlTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryFieldUnderItsComponentNameWithTheReplayFirst() throws Exception
    {
        final Map<?, ?> bot = yaml(config(ReplayConfig.of(
            QuoteFixtures.generated(dir, 10, 1), "quietloop", null, true, "2", null)));

        final List<String> expected = new ArrayList<>(componentNames(ReplayConfig.class));
        componentNames(BotConfig.class).stream().filter((name) -> !"replay".equals(name)).forEach(expected::add);
        assertEquals(expected, new ArrayList<>(bot.keySet()), "every field, once, in order");

        assertEquals(QuoteFixtures.generated(dir, 10, 1).toAbsolutePath().toString(), bot.get("dataFile"));
        assertEquals("quietloop", bot.get("format"));
        assertNull(bot.get("symbol"), "left to the file");
        assertEquals(true, bot.get("strict"));
        assertEquals(2.0, bot.get("speed"));
        assertEquals(0.0, bot.get("rateTicksPerSecond"));
        assertEquals("tcp://127.0.0.1:6001", bot.get("broker"));
        assertEquals(7L, YamlDocument.number(bot, "sourceId"));
        assertEquals(1_024L, YamlDocument.number(bot, "ringSize"));
        assertEquals(4_096L, YamlDocument.number(bot, "maxFrameBytes"));
        assertEquals(10L, YamlDocument.number(YamlDocument.map(bot, "sockets"), "highWaterMark"));
        assertEquals(250L, YamlDocument.number(bot, "heartbeatMs"));
        assertEquals(3L, YamlDocument.number(bot, "drainTimeoutSeconds"));
        assertEquals("sleep:1ms", bot.get("idleTrading"));
        assertEquals("yield", bot.get("idleSender"));
        assertEquals("imbalance", bot.get("strategy"));
        assertEquals(Path.of("bot.json").toAbsolutePath().toString(), bot.get("summaryFile"));
        assertEquals(true, bot.get("quiet"));
        assertEquals(false, bot.get("timeHops"));
        assertEquals(5_000L, YamlDocument.number(bot, "warmupEvents"));
        assertEquals("0", bot.get("cpus"));
        assertNull(bot.get("tradingCpu"), "left where the other threads are");
        assertEquals(true, bot.get("exitWithParent"));
        assertEquals(1_500L, YamlDocument.number(bot, "linkWaitMs"));
        assertEquals(false, YamlDocument.map(bot, "security").get("insecure"));
    }

    @Test
    void shouldWriteSpeedAsMaxOnlyWhenNothingPacesTheReplay() throws Exception
    {
        final Path data = QuoteFixtures.generated(dir, 10, 1);

        final Map<?, ?> max = yaml(config(ReplayConfig.of(data, null, null, false, ReplayConfig.SPEED_MAX, null)));
        final Map<?, ?> rate = yaml(config(ReplayConfig.of(data, null, null, false, ReplayConfig.SPEED_MAX, "500")));

        assertEquals("max", max.get("speed"));
        assertEquals(0.0, max.get("rateTicksPerSecond"));
        assertEquals(0.0, rate.get("speed"), "--rate paces it, not the file's timing");
        assertEquals(500.0, rate.get("rateTicksPerSecond"));
    }

    private static BotConfig config(final ReplayConfig replay)
    {
        return BotConfig.of(replay, "tcp://127.0.0.1:6001", 7, 1_024, 4_096,
            SocketSettings.DEFAULTS.withHighWaterMark(10), 250, 3, "sleep:1ms", "yield", "imbalance",
            Path.of("bot.json"), true, false, 5_000, BotConfig.SEND_DIRECT, "0", null, true, 1_500,
            LinkSecurity.OFF);
    }

    private static Map<?, ?> yaml(final BotConfig config)
    {
        return YamlDocument.map(YamlDocument.parse(ConfigYaml.section("bot", config::writeYaml)), "bot");
    }

    private static List<String> componentNames(final Class<? extends Record> type)
    {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
