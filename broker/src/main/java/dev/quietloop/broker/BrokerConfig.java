package dev.quietloop.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import dev.quietloop.protocol.Frame;
import dev.quietloop.protocol.config.ConfigException;
import dev.quietloop.protocol.config.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;

/**
 * The broker's configuration, validated once: every problem a user can cause is reported here,
 * as one line naming the flag or path, before anything is launched or bound.
 *
 * @param runIdGiven true if the user chose the run id (then reusing a used one is an error).
 * @param timeHops   time the broker's hops (brokerDwell) and, passed on, the launched bot's and stub's.
 */
public record BrokerConfig(
    Endpoint ingest,
    Endpoint sidecar,
    boolean launchStub,
    List<String> stubArgs,
    boolean launchBot,
    Path dataFile,
    List<String> botArgs,
    int expectBots,
    String runId,
    boolean runIdGiven,
    Path reportsDir,
    int drainTimeoutSeconds,
    int ringSize,
    int maxFrameBytes,
    SocketSettings sockets,
    String idleReceiver,
    String idleForwarder,
    Path jvmOptionsFile,
    boolean timeHops,
    boolean exitWithParent)
{
    public static final DateTimeFormatter RUN_ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public BrokerConfig
    {
        stubArgs = List.copyOf(stubArgs);
        botArgs = List.copyOf(botArgs);
        if (!launchStub && sidecar.isEphemeral())
        {
            throw new ConfigException("--sidecar " + sidecar + " needs a port to connect to");
        }
        if (launchBot && !(Files.isRegularFile(dataFile) && Files.isReadable(dataFile)))
        {
            throw new ConfigException("cannot read data file " + dataFile + " (--data)");
        }
        if (expectBots < 0)
        {
            throw new ConfigException("--expect-bots must be 0 or more: " + expectBots);
        }
        if (!RUN_ID.matcher(runId).matches() || "latest".equals(runId))
        {
            throw new ConfigException("bad --run-id '" + runId + "' (letters, digits, '.', '_', '-'; not 'latest')");
        }
        if (drainTimeoutSeconds < 0)
        {
            throw new ConfigException("--drain-timeout must be 0 or more seconds: " + drainTimeoutSeconds);
        }
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigException("--ring-size must be a power of two: " + ringSize);
        }
        if (maxFrameBytes < Frame.MIN_FRAME_BYTES || maxFrameBytes > Frame.MAX_FRAME_BYTES)
        {
            throw new ConfigException("--max-frame-bytes must be in [" + Frame.MIN_FRAME_BYTES + ", " +
                Frame.MAX_FRAME_BYTES + "]: " + maxFrameBytes);
        }
        final long ringBytes = (long)ringSize * maxFrameBytes;
        final long heapBytes = Runtime.getRuntime().maxMemory();
        if (ringBytes > heapBytes / 2)
        {
            throw new ConfigException("--ring-size " + ringSize + " x --max-frame-bytes " + maxFrameBytes + " needs " +
                (ringBytes >> 20) + " MiB, more than half the heap (" + (heapBytes >> 20) + " MiB)");
        }
        IdleStrategies.validate("--idle-receiver", idleReceiver);
        IdleStrategies.validate("--idle-forwarder", idleForwarder);
        if ((launchStub || launchBot) && !Files.isReadable(jvmOptionsFile))
        {
            throw new ConfigException("cannot read JVM options file " + jvmOptionsFile + " (--jvm-options)");
        }
    }

    /** The default run id: the local time the run started, to the second. */
    public static String defaultRunId()
    {
        return LocalDateTime.now().format(RUN_ID_FORMAT);
    }

    public long drainTimeoutMs()
    {
        return drainTimeoutSeconds * 1000L;
    }
}
