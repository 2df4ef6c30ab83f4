package dev.quietloop.perf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentWatch;
import dev.quietloop.protocol.process.ProcessCpu;
import org.agrona.concurrent.IdleStrategy;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sending side of {@link RawJeromqBaseline}, in a JVM of its own: connects a PUSH socket and
 * sends numbered {@value RawJeromqBaseline#MESSAGE_BYTES}-byte messages, one per send, as fast as
 * the socket takes them. Sends are non-blocking and a refused one is retried after the idle
 * strategy, as quietloop's sender does, so the two are compared on the same footing;
 * {@code --blocking-send} shows what JeroMQ does when left to wait for room itself. Started with
 * {@code --exit-with-parent}, it holds its connection open after the last send until the parent,
 * having received everything, closes this process's standard input. Its last line on standard
 * output is its own CPU time ({@link #CPU_PREFIX}).
 */
@Command(
    name = RawJeromqPusher.NAME,
    mixinStandardHelpOptions = true,
    description = "The PUSH side of raw-jeromq; started by it, not by hand.")
public final class RawJeromqPusher implements Callable<Integer>
{
    static final String NAME = "raw-jeromq-pusher";
    /** Its last line on standard output: this process's CPU time in ns, or -1 where the JVM cannot say. */
    static final String CPU_PREFIX = "RESULT rawJeromqPusher cpuNs=";
    /** Long enough for the receiver to take what is still queued when the last send returns. */
    private static final int LINGER_MS = 30_000;

    @Option(names = "--connect", required = true, paramLabel = "ENDPOINT",
        description = "the receiver's tcp://HOST:PORT")
    private String connect;

    @Option(names = "--messages", required = true, paramLabel = "N",
        description = "messages to send, warm-up included")
    private long messages;

    @Option(names = "--idle-sender", paramLabel = "WORD", defaultValue = IdleStrategies.BACKOFF,
        description = "idles between attempts to send a message the socket refused (default: ${DEFAULT-VALUE})")
    private String idleSender;

    @Option(names = "--blocking-send",
        description = "send with blocking calls instead: JeroMQ waits for room itself, no idle strategy")
    private boolean blockingSend;

    @Option(names = "--exit-with-parent",
        description = "exit at once when the parent process exits or closes this process's standard input")
    private boolean exitWithParent;

    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean sent;

    public static void main(final String... args)
    {
        System.exit(Cli.run(NAME, new RawJeromqPusher(), args));
    }

    @Override
    public Integer call() throws InterruptedException
    {
        if (messages < 1)
        {
            throw new ConfigException("--messages must be at least 1: " + messages);
        }
        final Endpoint endpoint = Endpoint.parse(connect);
        final IdleStrategy idleStrategy = IdleStrategies.parse(IdleStrategies.validate("--idle-sender", idleSender));
        if (exitWithParent)
        {
            exitWithParent();
        }
        try (ZContext context = new ZContext())
        {
            // The context, not the socket, decides the linger when it closes its sockets.
            context.setLinger(LINGER_MS);
            final ZMQ.Socket push = SocketSettings.DEFAULTS.withLingerMs(LINGER_MS).push(context);
            SocketSettings.connect(push, endpoint);
            send(push, messages, blockingSend ? 0 : ZMQ.DONTWAIT, idleStrategy);
            if (exitWithParent)
            {
                // Closing now could reset the connection (a heartbeat unread here) and take with it
                // what the receiver has not read yet; it says when it has everything.
                sent = true;
                released.await();
                context.setLinger(0);
            }
        }
        // The parent reads it after this process exits: its CPU beside the receiver's, read alike.
        System.out.println(CPU_PREFIX + ProcessCpu.cpuNs());
        System.out.flush();
        return ExitCodes.OK;
    }

    private static void send(
        final ZMQ.Socket push,
        final long messages,
        final int flags,
        final IdleStrategy idleStrategy)
    {
        final byte[] message = new byte[RawJeromqBaseline.MESSAGE_BYTES];
        final ByteBuffer view = ByteBuffer.wrap(message).order(RawJeromqBaseline.BYTE_ORDER);
        for (long sequence = 0; sequence < messages; sequence++)
        {
            view.putLong(RawJeromqBaseline.SEQUENCE_OFFSET, sequence);
            idleStrategy.reset();
            while (!push.send(message, 0, message.length, flags))
            {
                if (flags != ZMQ.DONTWAIT)
                {
                    throw new IllegalStateException("send failed: " + ZMQ.Error.findByCode(push.errno()));
                }
                idleStrategy.idle();
            }
        }
    }

    /**
     * No orphan: the parent's death is seen by the JDK's process watcher, and a parent that is
     * done with this process closes its standard input, whichever comes first. Standard input
     * closed after every message is sent is the parent's go-ahead to exit cleanly.
     */
    private void exitWithParent()
    {
        ParentWatch.onParentExit(() -> Runtime.getRuntime().halt(ExitCodes.INTERRUPTED));
        final Thread stdinWatch = new Thread(() ->
        {
            final InputStream in = System.in;
            try
            {
                while (in.read() >= 0)
                {
                    // nothing is ever sent; only the end matters
                }
            }
            catch (final IOException ignore)
            {
                // a broken pipe is an end as well
            }
            if (!sent)
            {
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
            released.countDown();
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
    }
}
