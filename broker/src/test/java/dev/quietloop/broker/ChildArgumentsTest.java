package dev.quietloop.broker;

import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildArgumentsTest
{
    private static final Path RUN_DIR = Path.of("/reports/run");
    private static final LaunchedBot ONE_BOT = new LaunchedBot(1, Path.of("/data/q.csv"), true);

    @Test
    void shouldPassTheConfigFileOnToBothChildrenWithTheBrokersOwnHopTiming()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext().configFile(Path.of("/runs/a/config.yaml")));

        for (final List<String> args : List.of(arguments.stub(RUN_DIR), arguments.bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR)))
        {
            final int config = args.indexOf("--config");
            assertTrue(config >= 0, args.toString());
            assertEquals("/runs/a/config.yaml", args.get(config + 1));
            assertTrue(args.contains("--time-hops"), "the file's child section may say otherwise: " + args);
        }
    }

    @Test
    void shouldPassNoConfigFileWhenTheBrokerHadNone()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext());

        for (final List<String> args : List.of(arguments.stub(RUN_DIR), arguments.bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR)))
        {
            assertFalse(args.contains("--config"), args.toString());
            assertFalse(args.contains("--time-hops"), "on by default: nothing to say " + args);
        }
    }

    @Test
    void shouldGiveTheBotTheBrokersChoicesBeforeItsOwnArguments()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext().timeHops(false).cpus("0")
            .run(new RunContext().dataFiles(List.of(Path.of("/data/q.csv"))).botArgs(List.of("--rate=5"))));

        assertEquals(List.of("--data", "/data/q.csv", "--broker", "tcp://127.0.0.1:5556", "--summary",
            "/reports/run/bot.json", "--drain-timeout", "10", "--no-time-hops", "--launcher-cpus", "0", "--source-id", "1",
            "--max-frame-bytes", "16384", "--rate=5"), arguments.bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR));
    }

    @Test
    void shouldGiveTheBotTheBrokersFrameLimitUnlessItsArgumentsChooseOne()
    {
        final List<String> told = new ChildArguments(new BrokerContext().maxFrameBytes(65_535))
            .bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR);
        final List<String> chose = new ChildArguments(new BrokerContext().maxFrameBytes(65_535)
            .run(new RunContext().botArgs(List.of("--max-frame-bytes=4096")))).bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR);

        assertEquals("65535", told.get(told.indexOf("--max-frame-bytes") + 1), told.toString());
        assertFalse(chose.contains("--max-frame-bytes"), chose.toString());
        assertEquals("--max-frame-bytes=4096", chose.get(chose.size() - 1), chose.toString());
    }

    @Test
    void shouldWriteTheBotsSafepointLogIntoTheRunFolder()
    {
        assertEquals(List.of("-Xlog:safepoint=info:file=\"/reports/run/bot-safepoints.log\":uptimemillis:filecount=0"),
            ChildArguments.botJvm(RUN_DIR));
        assertEquals(List.of(), ChildArguments.botJvm(Path.of("/reports/a\"b")), "a folder the option cannot name");
    }

    @Test
    void shouldGiveTheBotItsTradingCpuAndEveryChildTheRestWhenTheRunIsPinnedByDefault()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext()
            .cpuLayout(new CpuLayout("1", "0", "pinned"))
            .run(new RunContext().dataFiles(List.of(Path.of("/data/q.csv"))).botArgs(List.of("--rate=5"))));

        assertEquals(List.of("--data", "/data/q.csv", "--broker", "tcp://127.0.0.1:5556", "--summary",
            "/reports/run/bot.json", "--drain-timeout", "10", "--launcher-cpus", "0", "--launcher-trading-cpu", "1", "--source-id", "1",
            "--max-frame-bytes", "16384", "--rate=5"), arguments.bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR));
        assertEquals(List.of("--bind", "tcp://127.0.0.1:0", "--summary", "/reports/run/sidecar.json", "--launcher-cpus", "0"),
            arguments.stub(RUN_DIR));
    }

    @Test
    void shouldGiveTheBotTheCpuFlagsItsUserGaveAsItsOwnAndNoneOfTheLaunchers()
    {
        final List<String> botArgs = List.of("--cpus=0");
        final ChildArguments arguments = new ChildArguments(new BrokerContext()
            .cpuLayout(CpuLayout.decide(true, 1, null, botArgs, CpuAffinity.parse("test", "0-1"), true))
            .run(new RunContext().dataFiles(List.of(Path.of("/data/q.csv"))).botArgs(botArgs)));

        final List<String> bot = arguments.bot(ONE_BOT, 0, Endpoint.loopback(5556), RUN_DIR);

        assertEquals("--cpus=0", bot.get(bot.size() - 1), bot.toString());
        assertTrue(bot.stream().noneMatch(arg -> arg.startsWith("--launcher-") || arg.startsWith("--trading-cpu")),
            "the user chose: no layout of the broker's " + bot);
    }

    @Test
    void shouldLeaveTheStubsOwnCpusToItWhenTheRunIsPinnedByDefault()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext()
            .cpuLayout(new CpuLayout("1", "0", "pinned"))
            .run(new RunContext().stubArgs(List.of("--cpus=1"))));

        assertEquals(List.of("--bind", "tcp://127.0.0.1:0", "--summary", "/reports/run/sidecar.json", "--cpus=1"),
            arguments.stub(RUN_DIR));
    }

    @Test
    void shouldGiveEachOfSeveralBotsItsOwnSourceIdFolderAndTradingCpu()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext()
            .cpuLayout(new CpuLayout("3,2", "0-1", "pinned"))
            .run(new RunContext().botArgs(List.of("--source-id=7", "--rate=5"))));
        final LaunchedBot second = new LaunchedBot(8, Path.of("/data/b.csv"), false);

        assertEquals(List.of("--data", "/data/b.csv", "--broker", "tcp://127.0.0.1:5556", "--summary",
            "/reports/run/bot-8/bot.json", "--drain-timeout", "10", "--launcher-cpus", "0-1", "--launcher-trading-cpu", "2",
            "--source-id", "8", "--max-frame-bytes", "16384", "--rate=5"),
            arguments.bot(second, 1, Endpoint.loopback(5556), RUN_DIR));
    }

    @Test
    void shouldTellBotsWithoutACpuOfTheirOwnToBackOff()
    {
        final ChildArguments arguments = new ChildArguments(new BrokerContext()
            .cpuLayout(CpuLayout.decide(true, 4, null, List.of(), CpuAffinity.parse("test", "0-1"), true)));

        final List<String> bot = arguments.bot(new LaunchedBot(3, Path.of("/data/q.csv"), false), 2,
            Endpoint.loopback(5556), RUN_DIR);

        assertEquals("backoff", bot.get(bot.indexOf("--launcher-idle-trading") + 1), bot.toString());
        assertFalse(bot.contains("--launcher-trading-cpu"), bot.toString());
    }
}
