package dev.quietloop.bot.config;

import java.nio.file.Path;
import java.util.List;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BotContextTest
{
    @TempDir
    Path dir;

    @Test
    void shouldConcludeTheDefaultsWithOnlyTheDataGiven() throws Exception
    {
        final BotContext ctx = new BotContext();
        ctx.replay().data(QuoteFixtures.generated(dir, 10, 1));

        ctx.conclude();

        assertEquals(BotConfiguration.RING_SIZE_DEFAULT, ctx.ringSize());
        assertEquals(SendMode.RING, ctx.sendMode());
        assertEquals("spin", ctx.idleTrading().word());
        assertEquals("wake", ctx.sender().idleSender().word());
        assertEquals(250_000, ctx.sender().sendLingerNs());
        assertEquals(500_000, new SenderContext().heartbeatMs(1).sendLingerUs(5_000).sendLingerNs(),
            "a linger is at most half the heartbeat interval");
        assertEquals(BotConfiguration.BROKER_DEFAULT, ctx.sender().broker().toString());
        assertEquals(BotConfiguration.SOURCE_ID_DEFAULT, ctx.sender().sourceId());
        assertEquals(SocketSettings.DEFAULTS, ctx.sender().linkSockets(), "no CURVE, no longer linger");
        assertSame(SocketFactory.DEALER, ctx.sender().linkSocketFactory(), "no CURVE, the plain socket");
    }

    @Test
    void shouldCheckTheReplayBeforeAnythingElse()
    {
        final Path missing = dir.resolve("nope.csv");
        final BotContext ctx = new BotContext().ringSize(1_000);
        ctx.replay().data(missing);
        ctx.sender().broker("udp://1.2.3.4:5");

        assertMessage(missing + ": no such file", ctx::conclude);
        assertMessage("--data FILE is required", new BotContext()::conclude);
    }

    @Test
    void shouldNameTheFlagOfEachValueOutOfItsRange() throws Exception
    {
        final Path data = QuoteFixtures.generated(dir, 10, 1);

        assertMessage("--ring-size must be a power of two in [2, 1073741824]: 1000",
            withData(data).ringSize(1_000)::conclude);
        assertMessage("--heartbeat-ms must be in [1, 86400000]: 0", withData(data).sender().heartbeatMs(0)::conclude);
        assertMessage("--send-linger-us must be in [0, 1000000]: -1", withData(data).sender().sendLingerUs(-1)::conclude);
        assertMessage("--warmup-events must be in [-1, ", withData(data).warmupEvents(-2)::conclude);
        assertMessage("--link-wait-ms must be in [0, 60000]: 60001",
            withData(data).sender().linkWaitMs(60_001)::conclude);
        assertMessage("--max-frame-bytes must be in [", withData(data).sender().maxFrameBytes(1)::conclude);
        assertMessage("--broker tcp://127.0.0.1:*: a port is needed to connect",
            withData(data).sender().broker("tcp://127.0.0.1:0")::conclude);
        assertMessage("--speed and --rate exclude each other", () ->
        {
            final BotContext ctx = withData(data);
            ctx.replay().speed(2).rateTicksPerSecond(100);
            ctx.conclude();
        });
        assertMessage("unknown strategy 'momentum'", withData(data).strategy("momentum")::conclude);
        assertMessage("--strategy-param 'fast-shift' is not KEY=VALUE",
            withData(data).strategyParams(List.of("fast-shift"))::conclude);
        assertMessage("strategy 'ma-crossover' has no parameter 'fast' (its parameters: fast-shift=3, slow-shift=5, lot=0.01)",
            withData(data).strategyParams(List.of("fast=2"))::conclude);
        assertMessage("--strategy-param 'momentum.x=1': no strategy 'momentum' (known: imbalance, ma-crossover, tick-signal)",
            withData(data).strategyParams(List.of("momentum.x=1"))::conclude);
        assertMessage("--max-position 'lots' is not a decimal with at most 8 places",
            withData(data).maxPosition("lots")::conclude);
        assertMessage("--max-order-size 0 must be more than 0", withData(data).maxOrderSize("0")::conclude);
        assertMessage("--max-open-orders must be in [1, 65536]: 0", withData(data).maxOpenOrders(0)::conclude);
        assertMessage("--idle-trading: 'wake' is for the threads that are woken by work",
            withData(data).idleTrading(IdleChoice.WAKE)::conclude);
    }

    @Test
    void shouldTakeTheStrategysParametersTheLastOfAKeyWinningAndThoseQualifiedForItAlone() throws Exception
    {
        final BotContext ctx = withData(QuoteFixtures.generated(dir, 10, 1)).strategy("ma-crossover")
            .strategyParams(List.of("slow-shift=6", "imbalance.lot=9", "ma-crossover.lot=0.02", "slow-shift=7"))
            .maxPosition("0.5").maxOpenOrders(3).maxOrderSize("0.25")
            .conclude();

        assertEquals("fast-shift=3 slow-shift=7 lot=0.02", ctx.strategyParameters().toString());
        assertEquals("ma-crossover", ctx.strategyProvider().name());
        assertEquals(new RiskLimits(50_000_000, 3, 25_000_000), ctx.riskLimits());
    }

    @Test
    void shouldKeepTodaysRiskLimitsByDefault() throws Exception
    {
        assertEquals(RiskLimits.DEFAULTS, withData(QuoteFixtures.generated(dir, 10, 1)).conclude().riskLimits());
        assertEquals(5 * Event.SCALE / 100, RiskLimits.DEFAULTS.maxPosition());
        assertEquals(64, RiskLimits.DEFAULTS.maxOpenOrders());
        assertEquals(2 * RiskLimits.DEFAULTS.maxPosition(), RiskLimits.DEFAULTS.maxOrderSize(),
            "no order the position limit allows is refused for its size");
        assertEquals(new RiskLimits(Event.SCALE, 64, 2 * Event.SCALE),
            withData(QuoteFixtures.generated(dir, 10, 1)).maxPosition("1").conclude().riskLimits(),
            "the order size limit follows a position limit given alone");
    }

    @Test
    void shouldReadSpeedAndRateAsTheFlagsTakeThem()
    {
        assertEquals(0, ReplayContext.parseSpeed("max"));
        assertEquals(2.5, ReplayContext.parseSpeed("2.5"));
        assertEquals(0, ReplayContext.parseRate(null));
        assertEquals(10_000, ReplayContext.parseRate("10_000"));
        assertMessage("--speed must be 'max' or a positive number", () -> ReplayContext.parseSpeed("0"));
        assertMessage("--rate must be a positive number of ticks per second", () -> ReplayContext.parseRate("x"));
        assertMessage("--send-mode must be ring or direct: fast", () -> SendMode.parse("fast"));
    }

    private static BotContext withData(final Path data)
    {
        final BotContext ctx = new BotContext();
        ctx.replay().data(data);
        return ctx;
    }

    private static void assertMessage(final String start, final Executable executable)
    {
        final String message = assertThrows(ConfigException.class, executable).getMessage();
        assertEquals(start, message.substring(0, Math.min(start.length(), message.length())), message);
    }
}
