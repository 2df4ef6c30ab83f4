package dev.quietloop.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import dev.quietloop.wire.Frame;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.security.LinkSecurity;
import net.openhft.chronicle.wire.WireOut;

/**
 * The broker's configuration, validated once: every problem a user can cause is reported here,
 * as one line naming the flag or path, before anything is launched or bound.
 *
 * @param runIdGiven true if the user chose the run id (then reusing a used one is an error).
 * @param timeHops   time the broker's hops (brokerDwell) and, passed on, the launched bot's and stub's.
 * @param plots      draw latency.png and timeline.png at the end of the run (about a second of work).
 * @param cpus       the CPU list every thread is pinned to, and passed on to the bot and stub it launches; null for anywhere.
 * @param security   CURVE on the ingest (server) and the sidecar link (client), or none; passed on to the children.
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
    boolean plots,
    String cpus,
    boolean exitWithParent,
    LinkSecurity security)
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
        security.checkEndpoint("--ingest", ingest);
        if (!launchStub)
        {
            security.checkEndpoint("--sidecar", sidecar);
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
        CpuAffinity.validate(CpuOptions.FLAG, cpus);
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

    /**
     * Every field, for the broker's section of {@code config.yaml}: endpoints as text, paths
     * absolute, the arguments passed on to the children as sequences, the socket options as a
     * {@code sockets} map.
     */
    public void writeYaml(final WireOut wire)
    {
        wire.write("ingest").text(ingest.toString());
        wire.write("sidecar").text(sidecar.toString());
        wire.write("launchStub").bool(launchStub);
        ConfigYaml.writeTexts(wire, "stubArgs", stubArgs);
        wire.write("launchBot").bool(launchBot);
        wire.write("dataFile").text(ConfigYaml.absolute(dataFile));
        ConfigYaml.writeTexts(wire, "botArgs", botArgs);
        wire.write("expectBots").int64(expectBots);
        wire.write("runId").text(runId);
        wire.write("runIdGiven").bool(runIdGiven);
        wire.write("reportsDir").text(ConfigYaml.absolute(reportsDir));
        wire.write("drainTimeoutSeconds").int64(drainTimeoutSeconds);
        wire.write("ringSize").int64(ringSize);
        wire.write("maxFrameBytes").int64(maxFrameBytes);
        wire.write("sockets").marshallable(sockets::writeYaml);
        wire.write("idleReceiver").text(idleReceiver);
        wire.write("idleForwarder").text(idleForwarder);
        wire.write("jvmOptionsFile").text(ConfigYaml.absolute(jvmOptionsFile));
        wire.write("timeHops").bool(timeHops);
        wire.write("plots").bool(plots);
        wire.write("cpus").text(cpus);
        wire.write("exitWithParent").bool(exitWithParent);
        wire.write("security").marshallable(security::writeYaml);
    }

    public long drainTimeoutMs()
    {
        return drainTimeoutSeconds * 1000L;
    }
}
