package dev.quietloop.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot, the broker and the sidecar stub each on a host of its own: three Linux network
 * namespaces the test makes (and removes), the bot's and the stub's each joined to the broker's by
 * a veth pair, every process on its own address, with CURVE on both links as a run across hosts
 * must have. The run balances end to end, and the broker's report says that {@code endToEnd}
 * compared two clocks. Needs root (CAP_NET_ADMIN) and {@code ip}: skipped without them, but under CI.
 */
class HostsApartIT
{
    private static final String SAMPLE = QuietloopProcess.ROOT.resolve("data/sample-quotes.csv").toString();
    /** The bot's link and the sidecar's: test addresses of the namespaces' own, reachable from nowhere else. */
    private static final String BOT = "10.77.1.1";
    private static final String BROKER_TO_BOT = "10.77.1.2";
    private static final String BROKER_TO_STUB = "10.77.2.2";
    private static final String STUB = "10.77.2.3";

    @TempDir
    Path dir;

    private final String prefix = "ql" + ProcessHandle.current().pid() + "-";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @Test
    void shouldRunTheThreeProcessesOnHostsOfTheirOwnOverCurveAndBalance() throws Exception
    {
        requireNamespaces();
        final String bot = namespace("bot");
        final String broker = namespace("broker");
        final String stub = namespace("stub");
        link(bot, BOT, broker, BROKER_TO_BOT, "b");
        link(stub, STUB, broker, BROKER_TO_STUB, "s");
        final Path keys = dir.resolve("keys");
        final Script.Result made = Script.run(dir, "keys.sh", keys.toString());
        assertEquals(ExitCodes.OK, made.exit(), made.output());

        final Process stubProcess = start(stub, "stub", "dev.quietloop.sidecar.SidecarStubMain",
            "--bind", "tcp://" + STUB + ":5557", "--keys", keys.toString(), "--summary", dir.resolve("sidecar.json").toString());
        awaitReady(stubProcess, "stub");
        final Process brokerProcess = start(broker, "broker", "dev.quietloop.broker.BrokerMain",
            "--ingest", "tcp://" + BROKER_TO_BOT + ":5556", "--sidecar", "tcp://" + STUB + ":5557", "--expect-bots", "1",
            "--keys", keys.toString(), "--reports", dir.resolve("reports").toString(), "--run-id", "apart", "--no-plots");
        awaitReady(brokerProcess, "broker");
        final Process botProcess = start(bot, "bot", "dev.quietloop.bot.BotMain", "--data", SAMPLE,
            "--broker", "tcp://" + BROKER_TO_BOT + ":5556", "--keys", keys.toString(), "--quiet",
            "--summary", dir.resolve("bot.json").toString());

        assertTrue(botProcess.waitFor(2, TimeUnit.MINUTES), "the bot ends: " + log("bot"));
        assertEquals(ExitCodes.OK, botProcess.exitValue(), log("bot"));
        assertTrue(brokerProcess.waitFor(1, TimeUnit.MINUTES), "the broker ends after the bot's end of stream: " + log("broker"));
        final int brokerExit = brokerProcess.exitValue();
        stubProcess.destroy(); // SIGTERM: the stub drains, writes its summary and exits
        assertTrue(stubProcess.waitFor(1, TimeUnit.MINUTES), log("stub"));

        final Map<String, Long> botSummary = SummaryJson.read(dir.resolve("bot.json"));
        final Map<String, Long> brokerSummary = SummaryJson.read(dir.resolve("reports/apart/summary.json"));
        final Map<String, Long> stubSummary = SummaryJson.read(dir.resolve("sidecar.json"));
        final long produced = botSummary.get(Accounting.BOT_EVENTS_PRODUCED);
        assertTrue(produced > 0, "the sample produces events");
        assertEquals(produced, botSummary.get(Accounting.BOT_EVENTS_ACKED), "the broker acknowledged every event");
        assertEquals(produced, brokerSummary.get(Accounting.BROKER_EVENTS_RECEIVED), log("broker"));
        assertEquals(produced, brokerSummary.get(Accounting.BROKER_EVENTS_FORWARDED));
        assertEquals(produced, stubSummary.get(Accounting.SIDECAR_EVENTS_RECEIVED), log("stub"));
        assertEquals(0L, stubSummary.get(Accounting.SIDECAR_GAPS));
        assertEquals(0L, brokerSummary.get(Accounting.BROKER_AUTH_REJECTED));
        assertEquals(0L, stubSummary.get(Accounting.SIDECAR_AUTH_REJECTED));
        assertEquals(ExitCodes.OK, brokerExit, log("broker"));
        final String text = Files.readString(dir.resolve("reports/apart/summary.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("endToEnd compares two clocks"), text);
    }

    @AfterEach
    void removeWhatTheTestMade() throws InterruptedException
    {
        for (final Process process : processes)
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (final String namespace : namespaces)
        {
            run("ip", "netns", "del", namespace); // its veth ends go with it, and so do their peers
        }
    }

    /** Skips where network namespaces cannot be made (not root, no ip); under CI that fails the test instead. */
    private void requireNamespaces() throws InterruptedException
    {
        final String probe = prefix + "probe";
        final boolean can = run("ip", "netns", "add", probe) && run("ip", "netns", "del", probe);
        if (!can)
        {
            assertTrue(null == System.getenv("CI"), "CI runs as root with ip: network namespaces must be possible");
            Assumptions.abort("cannot make network namespaces here (needs root and iproute2's ip)");
        }
    }

    private String namespace(final String name) throws InterruptedException
    {
        final String namespace = prefix + name;
        assertTrue(run("ip", "netns", "add", namespace), "ip netns add " + namespace);
        namespaces.add(namespace);
        assertTrue(run("ip", "-n", namespace, "link", "set", "lo", "up"));
        return namespace;
    }

    /** A veth pair between two namespaces, an address on each end of one /24. */
    private void link(final String a, final String addressA, final String b, final String addressB, final String tag)
        throws InterruptedException
    {
        final String endA = prefix + tag + "0";
        final String endB = prefix + tag + "1";
        assertTrue(run("ip", "link", "add", endA, "type", "veth", "peer", "name", endB), "veth " + endA);
        assertTrue(run("ip", "link", "set", endA, "netns", a));
        assertTrue(run("ip", "link", "set", endB, "netns", b));
        assertTrue(run("ip", "-n", a, "addr", "add", addressA + "/24", "dev", endA));
        assertTrue(run("ip", "-n", b, "addr", "add", addressB + "/24", "dev", endB));
        assertTrue(run("ip", "-n", a, "link", "set", endA, "up"));
        assertTrue(run("ip", "-n", b, "link", "set", endB, "up"));
    }

    private Process start(final String namespace, final String name, final String mainClass, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + QuietloopProcess.JVM_OPTIONS,
            "-cp", QuietloopProcess.LIB + "/*", mainClass));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private void awaitReady(final Process process, final String name) throws IOException, InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadlineNs)
        {
            if (log(name).contains(Readiness.PREFIX))
            {
                return;
            }
            assertTrue(process.isAlive(), name + " exited before it was ready: " + log(name));
            Thread.sleep(100);
        }
        throw new AssertionError(name + " not ready: " + log(name));
    }

    private String log(final String name) throws IOException
    {
        final Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static boolean run(final String... command) throws InterruptedException
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().reduce("", (a, b) -> a + b + "\n");
            final boolean ok = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            if (!ok)
            {
                System.err.println(String.join(" ", command) + ": " + output);
            }
            return ok;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
