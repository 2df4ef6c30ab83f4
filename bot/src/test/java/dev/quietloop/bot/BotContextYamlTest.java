package dev.quietloop.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.quietloop.bot.config.BotContext;
import dev.quietloop.bot.config.SendMode;
import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot's section of a run's {@code config.yaml}: every setting under the name of the flag that
 * sets it, so that {@code --config FILE} reads it back to the same configuration, and a flag given
 * on the command line wins over the file.
 */
class BotContextYamlTest
{
    /** The section's keys, in order: the flags, then the two records {@code --config} skips. */
    private static final List<String> KEYS = List.of(
        "data", "format", "symbol", "strict", "speed", "rate",
        "quiet", "time-hops", "warmup-events", "send-mode", "ring-size", "idle-trading", "strategy",
        "strategy-path", "strategy-param", "max-position", "max-open-orders", "max-order-size", "cpus",
        "trading-cpu",
        "broker", "source-id", "max-frame-bytes", "heartbeat-ms", "send-linger-us", "drain-timeout", "link-wait-ms",
        "idle-sender",
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
        assertEquals(List.of(), bot.get("strategy-path"));
        final Map<?, ?> params = YamlDocument.map(bot, "strategy-param");
        assertEquals(List.of("imbalance.entry-ppm", "imbalance.exit-ppm", "imbalance.max-spread-ppm", "imbalance.lot",
            "imbalance.position-cap"), List.copyOf(params.keySet()), "every parameter, defaults too, under its strategy");
        assertEquals("700000", String.valueOf(params.get("imbalance.entry-ppm")));
        assertEquals("0.02", String.valueOf(params.get("imbalance.position-cap")));
        assertEquals("0.5", bot.get("max-position"));
        assertEquals(8L, YamlDocument.number(bot, "max-open-orders"));
        assertEquals("0.25", bot.get("max-order-size"));
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
        assertTrue(run.containsKey("launcher-cpus") && null == run.get("launcher-cpus"), "no launcher chose: " + run);
        assertNull(run.get("launcher-trading-cpu"));
    }

    @Test
    void shouldRecordTheLaunchersCpusInTheRunRecordWhereConfigDoesNotReadThemBack() throws Exception
    {
        final BotContext pinnedByTheBroker = new BotContext().launcherCpus("0").launcherTradingCpu("0");
        pinnedByTheBroker.replay().data(data());
        pinnedByTheBroker.conclude();

        final Map<?, ?> bot = section(pinnedByTheBroker);
        final BotContext read = readBack(configFile(pinnedByTheBroker));

        assertNull(bot.get("cpus"), "the broker's layout is no flag of the bot's: " + bot);
        assertNull(bot.get("trading-cpu"), bot.toString());
        final Map<?, ?> run = YamlDocument.map(bot, BotContext.RUN_KEY);
        assertEquals("0", run.get("launcher-cpus"));
        assertEquals("0", run.get("launcher-trading-cpu"));
        assertNull(read.effectiveCpus(), "the file pins nothing: a reused file's broker decides again");
        assertNull(read.effectiveTradingCpu());
    }

    @Test
    void shouldBackOffAsTheLauncherSaysWithoutCarryingItIntoAReusedFile() throws Exception
    {
        final BotContext oneOfFour = new BotContext().launcherIdleTrading(IdleChoice.parse("test", "backoff"));
        oneOfFour.replay().data(data());
        oneOfFour.conclude();

        final Map<?, ?> bot = section(oneOfFour);
        final BotContext read = readBack(configFile(oneOfFour));

        assertEquals("backoff", oneOfFour.tradingIdle().word());
        assertEquals("spin", bot.get("idle-trading"), "its own flag is its user's: " + bot);
        assertEquals("backoff", YamlDocument.map(bot, BotContext.RUN_KEY).get("launcher-idle-trading"));
        assertEquals("spin", read.tradingIdle().word(), "a reused file's broker decides again");
    }

    @Test
    void shouldKeepTheCpuFlagsItsUserGaveAsFlagsBesideTheLaunchersRecord() throws Exception
    {
        // A broker's --cpus with --bot-arg=--trading-cpu: the bot's own flag, and the broker's choice.
        final BotContext ctx = new BotContext().launcherCpus("0").tradingCpu("0");
        ctx.replay().data(data());
        ctx.conclude();

        final Map<?, ?> bot = section(ctx);
        final BotContext read = readBack(configFile(ctx));

        assertEquals("0", bot.get("trading-cpu"), "given to the bot by its user");
        assertNull(bot.get("cpus"), bot.toString());
        assertEquals("0", YamlDocument.map(bot, BotContext.RUN_KEY).get("launcher-cpus"));
        assertNull(YamlDocument.map(bot, BotContext.RUN_KEY).get("launcher-trading-cpu"));
        assertEquals("0", read.effectiveTradingCpu(), "the user's flag is read back");
        assertNull(read.effectiveCpus(), "the launcher's is not");
    }

    @Test
    void shouldPinToTheLaunchersCpusUnlessItsOwnFlagsChoose() throws Exception
    {
        final AtomicReference<BotContext> launched = new AtomicReference<>();
        final String data = data().toString();

        assertEquals(ExitCodes.OK, BotMain.run(ctx -> launched(launched, ctx), "--data", data,
            "--launcher-cpus", "0", "--launcher-trading-cpu", "0"));
        assertEquals("0", launched.get().effectiveCpus());
        assertEquals("0", launched.get().effectiveTradingCpu());
        assertNull(launched.get().cpus(), "not the bot's own flag");

        // Two spellings of CPU 0, which every machine has: which list pins shows whose it is.
        assertEquals(ExitCodes.OK, BotMain.run(ctx -> launched(launched, ctx), "--data", data,
            "--launcher-cpus", "0", "--launcher-trading-cpu", "0", "--cpus", "0-0"));
        assertEquals("0-0", launched.get().effectiveCpus(), "the bot's own --cpus wins");
        assertEquals("0", launched.get().effectiveTradingCpu(), "each list on its own");
    }

    @Test
    void shouldReadTheSectionBackThroughConfigToTheSameConfiguration() throws Exception
    {
        final BotContext written = everyFlagSet();

        final BotContext read = readBack(configFile(written));

        assertEquals(withoutRun(section(written)), withoutRun(section(read)));
        assertNull(read.summaryFile(), "this run's report is its own: another run writes its own");
        assertFalse(read.exitWithParent(), "a bot run by hand has no launcher on its standard input");
        assertEquals(SendMode.DIRECT, read.sendMode());
        assertEquals(700_000, read.strategyParameters().integer("entry-ppm"));
        assertEquals(new RiskLimits(50_000_000, 8, 25_000_000), read.riskLimits());
        assertEquals(2.0, read.replay().speed());
        assertEquals(SocketSettings.DEFAULTS.withHighWaterMark(10), read.sender().sockets());
    }

    @Test
    void shouldWriteSpeedAsMaxAndRateAsTheFlagTakesThemWhenAFixedRatePacesTheReplay() throws Exception
    {
        final BotContext paced = new BotContext();
        paced.replay().data(data()).rateTicksPerSecond(500);
        paced.conclude();

        final Map<?, ?> bot = section(paced);
        final BotContext read = readBack(configFile(paced));

        assertEquals("max", bot.get("speed"), "--speed max and --rate go together; --speed 0 does not");
        assertEquals(500.0, bot.get("rate"));
        assertEquals(0.0, read.replay().speed());
        assertEquals(500.0, read.replay().rateTicksPerSecond());
    }

    @Test
    void shouldLetAFlagGivenOnTheCommandLineWinOverTheFile() throws Exception
    {
        final Path file = configFile(everyFlagSet().timeHops(false).quiet(false));
        final AtomicReference<BotContext> read = new AtomicReference<>();

        final int exitCode = BotMain.run(ctx -> launched(read, ctx), "--ring-size", "4096", "--config", file.toString(),
            "--time-hops", "--quiet", "--strategy", "tick-signal", "--send-mode", "ring", "--speed", "max");

        assertEquals(ExitCodes.OK, exitCode);
        final BotContext ctx = read.get();
        assertEquals(4_096, ctx.ringSize(), "given before --config, still the command line's");
        assertTrue(ctx.timeHops(), "a flag's true over the file's false");
        assertTrue(ctx.quiet());
        assertEquals("tick-signal", ctx.strategy());
        assertEquals("", ctx.strategyParameters().toString(), "the file's imbalance.* parameters are not tick-signal's");
        assertEquals(SendMode.RING, ctx.sendMode());
        assertFalse(ctx.replay().isPaced());
        assertEquals(250_000_000L, ctx.sender().heartbeatIntervalNs(), "what the command line leaves, the file sets");
        assertEquals("yield", ctx.sender().idleSender().word());
    }

    /** A context with every flag away from its default, concluded as a run's is. */
    private BotContext everyFlagSet() throws IOException
    {
        final BotContext ctx = new BotContext()
            .ringSize(1_024)
            .sendMode(SendMode.DIRECT)
            .idleTrading(new IdleChoice("sleep:1ms"))
            .strategy("imbalance")
            .strategyParams(List.of("entry-ppm=700000", "tick-signal.unused=1"))
            .maxPosition("0.5")
            .maxOpenOrders(8)
            .maxOrderSize("0.25")
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

    /** A run's config.yaml as the broker joins it: the machine, then the bot's section with its JVM. */
    private Path configFile(final BotContext ctx) throws IOException
    {
        return Files.writeString(dir.resolve("config.yaml"),
            ConfigYaml.machineSection() + ConfigYaml.processSection(Bot.ROLE, ctx::writeYaml));
    }

    private static BotContext readBack(final Path file)
    {
        final AtomicReference<BotContext> read = new AtomicReference<>();
        assertEquals(ExitCodes.OK, BotMain.run(ctx -> launched(read, ctx), "--config", file.toString()));
        return read.get();
    }

    private static int launched(final AtomicReference<BotContext> read, final BotContext ctx)
    {
        read.set(ctx);
        return ExitCodes.OK;
    }

    private static Map<?, ?> section(final BotContext ctx)
    {
        return YamlDocument.map(YamlDocument.parse(ConfigYaml.section(Bot.ROLE, ctx::writeYaml)), Bot.ROLE);
    }

    private static Map<?, ?> withoutRun(final Map<?, ?> section)
    {
        final Map<Object, Object> copy = new LinkedHashMap<>(section);
        copy.remove(BotContext.RUN_KEY);
        return copy;
    }
}
