package dev.quietloop.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ProcessCpu;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The throughput quietloop's batching has to beat: plain JeroMQ PUSH/PULL between two processes
 * over loopback, one {@value #MESSAGE_BYTES}-byte message per send. This process binds PULL on an
 * ephemeral loopback port and starts a {@link RawJeromqPusher} JVM with the same class path and
 * JVM options, which connects and sends. Both sockets have quietloop's own settings
 * ({@link SocketSettings#DEFAULTS}), and the sender sends as quietloop's does, non-blocking with
 * the same idle strategy between refused sends ({@code --idle-sender}, default {@code backoff}),
 * so the comparison differs in batching only. {@code --blocking-send} measures JeroMQ waiting for
 * room itself, which on a busy 2-core box can be the faster of the two: a fair report shows both.
 * <p>
 * The clock starts when the first message after the warm-up arrives and stops when the last one
 * does, so it spans {@code messages - 1} arrivals: that is the rate reported. The receiver blocks
 * in {@code recv} (with a short timeout, to notice a dead sender) rather than spinning, so on a
 * 2-core box it leaves the CPU to the sender and the two JeroMQ I/O threads. Prints one line for
 * people and one {@code RESULT rawJeromq messages=<n> seconds=<s> messagesPerSecond=<r>
 * receiverCpuNs=<ns> senderCpuNs=<ns>} line for scripts, on standard output; failures are one line
 * on standard error and a non-zero exit. The CPU times are each process's own, whole, read by
 * itself as quietloop's processes read theirs ({@link ProcessCpu}): this one's once the sender has
 * exited, the sender's as its last act; -1 where one could not say.
 */
@Command(
    name = RawJeromqBaseline.NAME,
    mixinStandardHelpOptions = true,
    description = "Raw JeroMQ PUSH/PULL throughput between two processes over loopback, one 64-byte message "
        + "per send: the baseline for quietloop's batched end-to-end rate.")
public final class RawJeromqBaseline implements Callable<Integer>
{
    static final String NAME = "raw-jeromq";
    static final int MESSAGE_BYTES = 64;
    /** Each message carries its number, so a lost or reordered one is caught, not just counted. */
    static final int SEQUENCE_OFFSET = 0;
    static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    static final String DEFAULT_JVM_OPTIONS = "config/jvm.options";

    private static final int RECEIVE_TIMEOUT_MS = 100;
    private static final long EXIT_GRACE_MS = 5_000;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "2000000",
        description = "timed messages (default: ${DEFAULT-VALUE})")
    private long messages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200000",
        description = "messages sent first and not timed, while both JVMs compile the paths (default: ${DEFAULT-VALUE})")
    private long warmup;

    @Option(names = "--jvm-options", paramLabel = "FILE",
        description = "JVM options file for the sending JVM (default: " + DEFAULT_JVM_OPTIONS
            + " under the working directory)")
    private Path jvmOptions;

    @Option(names = "--idle-sender", paramLabel = "WORD", defaultValue = IdleStrategies.BACKOFF,
        description = "the sender's idle strategy between refused sends, one of " + IdleStrategies.NAMES
            + "; use the bot's --idle-sender for a fair comparison (default: ${DEFAULT-VALUE})")
    private String idleSender;

    @Option(names = "--blocking-send",
        description = "the sender blocks in send instead, JeroMQ's own way of waiting for room; not how quietloop sends")
    private boolean blockingSend;

    @Option(names = "--stall-seconds", paramLabel = "S", defaultValue = "30",
        description = "give up when no message arrives for this long (default: ${DEFAULT-VALUE})")
    private int stallSeconds;

    public static void main(final String... args)
    {
        System.exit(Cli.run(NAME, new RawJeromqBaseline(), args));
    }

    @Override
    public Integer call() throws InterruptedException
    {
        if (messages < 2)
        {
            throw new ConfigException("--messages must be at least 2: " + messages);
        }
        if (warmup < 0)
        {
            throw new ConfigException("--warmup must be 0 or more: " + warmup);
        }
        if (stallSeconds < 1)
        {
            throw new ConfigException("--stall-seconds must be at least 1: " + stallSeconds);
        }
        IdleStrategies.validate("--idle-sender", idleSender);
        final Path options = jvmOptionsFile();
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket pull = SocketSettings.DEFAULTS.pull(context);
            pull.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
            final Endpoint endpoint = SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
            final Process pusher;
            try
            {
                pusher = launchPusher(options, endpoint);
            }
            catch (final IOException ex)
            {
                return fail(ExitCodes.CHILD_FAILED, "cannot start the sending JVM: " + ex.getMessage());
            }
            try
            {
                return receive(pull, pusher);
            }
            finally
            {
                stop(pusher);
            }
        }
    }

    private Path jvmOptionsFile()
    {
        final Path file = jvmOptions != null ? jvmOptions : Path.of(DEFAULT_JVM_OPTIONS);
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException("no JVM options file " + file.toAbsolutePath() +
                (jvmOptions != null ? "" : "; run from the project's root or pass --jvm-options FILE"));
        }
        return file.toAbsolutePath();
    }

    /** Same JDK, class path and JVM options as a quietloop process; its output goes to this one's stderr. */
    private Process launchPusher(final Path options, final Endpoint endpoint) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RawJeromqPusher.class.getName());
        command.add("--connect=" + endpoint);
        command.add("--messages=" + (warmup + messages));
        command.add("--idle-sender=" + idleSender);
        if (blockingSend)
        {
            command.add("--blocking-send");
        }
        command.add("--exit-with-parent");
        // Its standard output is one line, its CPU time, read once it has exited (a pipe holds it).
        return new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    }

    private int receive(final ZMQ.Socket pull, final Process pusher) throws InterruptedException
    {
        final long total = warmup + messages;
        // recv returns the bytes it copied: one byte of room more shows a message that is too long.
        final byte[] buffer = new byte[MESSAGE_BYTES + 1];
        final ByteBuffer view = ByteBuffer.wrap(buffer).order(BYTE_ORDER);
        final int timeoutsToStall = (int)(TimeUnit.SECONDS.toMillis(stallSeconds) / RECEIVE_TIMEOUT_MS);
        int timeouts = 0;
        long firstNs = 0;
        long received = 0;
        while (received < total)
        {
            final int length = pull.recv(buffer, 0, buffer.length, 0);
            if (length < 0)
            {
                // The sender holds its connection until released, so one that is gone has failed.
                if (!pusher.isAlive())
                {
                    return fail(ExitCodes.CHILD_FAILED, "the sending JVM exited with code " + pusher.exitValue() +
                        " after " + received + " of " + total + " messages");
                }
                if (++timeouts >= timeoutsToStall)
                {
                    return fail(ExitCodes.CHILD_FAILED, "no message for " + stallSeconds + " s after " + received +
                        " of " + total + " messages");
                }
                continue;
            }
            timeouts = 0;
            final long sequence = view.getLong(SEQUENCE_OFFSET);
            if (length != MESSAGE_BYTES || sequence != received)
            {
                return fail(ExitCodes.FAILURE, "expected message " + received + " of " + MESSAGE_BYTES +
                    " bytes, got message " + sequence + " of " + length + " bytes");
            }
            if (received == warmup)
            {
                firstNs = System.nanoTime();
            }
            received++;
        }
        final long lastNs = System.nanoTime();
        if (!release(pusher) || pusher.exitValue() != ExitCodes.OK)
        {
            return fail(ExitCodes.CHILD_FAILED, "the sending JVM did not exit cleanly after sending everything");
        }
        report(lastNs - firstNs, senderCpuNs(pusher));
        return ExitCodes.OK;
    }

    /** The CPU time the sender printed as it exited, or -1 if it printed none. */
    private static long senderCpuNs(final Process exited)
    {
        try
        {
            final String output = new String(exited.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return output.lines().filter(line -> line.startsWith(RawJeromqPusher.CPU_PREFIX))
                .mapToLong(line -> Long.parseLong(line.substring(RawJeromqPusher.CPU_PREFIX.length()).strip()))
                .reduce((first, last) -> last).orElse(-1);
        }
        catch (final IOException | NumberFormatException ex)
        {
            System.err.println(NAME + ": the sending JVM's CPU time could not be read: " + ex);
            return -1;
        }
    }

    private void report(final long elapsedNs, final long senderCpuNs)
    {
        final long receiverCpuNs = ProcessCpu.cpuNs();
        final double seconds = elapsedNs / 1e9;
        final double perSecond = (messages - 1) / seconds;
        System.out.printf(Locale.ROOT,
            "raw JeroMQ PUSH/PULL, 2 processes over loopback, %d-byte messages, one per send, sender %s: " +
            "%,d messages in %.3f s = %,.0f messages/s (after %,d warm-up)%n",
            MESSAGE_BYTES, blockingSend ? "blocking" : "DONTWAIT, idle " + idleSender, messages, seconds, perSecond,
            warmup);
        System.out.printf(Locale.ROOT,
            "RESULT rawJeromq messages=%d seconds=%.6f messagesPerSecond=%.0f receiverCpuNs=%d senderCpuNs=%d%n",
            messages, seconds, perSecond, receiverCpuNs, senderCpuNs);
        System.out.flush();
    }

    /**
     * Closes the sender's standard input: after its last message that lets it exit cleanly,
     * before it stops it at once. Either way the sender is gone within the grace period.
     *
     * @return true if it exited within the grace period.
     */
    private static boolean release(final Process pusher) throws InterruptedException
    {
        try (OutputStream stdin = pusher.getOutputStream())
        {
            stdin.flush();
        }
        catch (final IOException ignore)
        {
            // already gone
        }
        return pusher.waitFor(EXIT_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** Never leaves the sender behind, whatever happened. */
    private static void stop(final Process pusher) throws InterruptedException
    {
        if (!release(pusher))
        {
            pusher.destroyForcibly().waitFor();
        }
    }

    private static int fail(final int exitCode, final String message)
    {
        System.err.println(NAME + ": " + message);
        return exitCode;
    }
}
