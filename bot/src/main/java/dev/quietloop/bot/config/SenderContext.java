package dev.quietloop.bot.config;

import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.Frame;
import net.openhft.chronicle.wire.WireOut;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import static dev.quietloop.bot.config.BotConfiguration.BROKER_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.DRAIN_TIMEOUT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.HEARTBEAT_MS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.IDLE_SENDER_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LINK_WAIT_MS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_FRAME_BYTES_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SEND_LINGER_US_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SOURCE_ID_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.key;

/**
 * How the bot's events reach the broker, by either way out ({@link SendMode}): the endpoint, who
 * this bot is on it, the socket and its security, the frame bound, the heartbeat, the wait for the
 * link at the start and the drain at the end. The senders copy what they need at construction.
 * {@link #conclude()} checks the values and settles the socket the link uses.
 */
public final class SenderContext
{
    private String broker = BotConfiguration.BROKER_DEFAULT;
    private int sourceId = BotConfiguration.SOURCE_ID_DEFAULT;
    private int maxFrameBytes = BotConfiguration.MAX_FRAME_BYTES_DEFAULT;
    private SocketSettings sockets = SocketSettings.DEFAULTS;
    private LinkSecurity security = LinkSecurity.OFF;
    private SocketFactory socketFactory = SocketFactory.DEALER;
    private long heartbeatMs = BotConfiguration.HEARTBEAT_MS_DEFAULT;
    private long sendLingerUs = BotConfiguration.SEND_LINGER_US_DEFAULT;
    private long linkWaitMs = BotConfiguration.LINK_WAIT_MS_DEFAULT;
    private long drainTimeoutSeconds = BotConfiguration.DRAIN_TIMEOUT_SECONDS_DEFAULT;
    private IdleChoice idleSender = IdleChoice.WAKE;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;
    private Endpoint brokerEndpoint;
    private SocketSettings linkSockets;
    private SocketFactory linkSocketFactory;

    /** @param broker the broker's ingest endpoint as {@code --broker} takes it; parsed by {@link #conclude()} */
    public SenderContext broker(final String broker)
    {
        this.broker = broker;
        return this;
    }

    /** The endpoint, once concluded. */
    public Endpoint broker()
    {
        return brokerEndpoint;
    }

    /** @param sourceId this bot's id in every event header */
    public SenderContext sourceId(final int sourceId)
    {
        this.sourceId = sourceId;
        return this;
    }

    public int sourceId()
    {
        return sourceId;
    }

    public SenderContext maxFrameBytes(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /** @param sockets the socket options as the flags set them */
    public SenderContext sockets(final SocketSettings sockets)
    {
        this.sockets = sockets;
        return this;
    }

    public SocketSettings sockets()
    {
        return sockets;
    }

    /** @param security CURVE on the link to the broker (a client with the bot's keypair), or none */
    public SenderContext security(final LinkSecurity security)
    {
        this.security = security;
        return this;
    }

    public LinkSecurity security()
    {
        return security;
    }

    /** @param socketFactory the plain socket: {@link SocketFactory#DEALER}, or a test's that counts JeroMQ's bytes */
    public SenderContext socketFactory(final SocketFactory socketFactory)
    {
        this.socketFactory = socketFactory;
        return this;
    }

    public SenderContext heartbeatMs(final long heartbeatMs)
    {
        this.heartbeatMs = heartbeatMs;
        return this;
    }

    public long heartbeatIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(heartbeatMs);
    }

    /** @param sendLingerUs the least time between two frames that are not full; 0 sends each batch at once */
    public SenderContext sendLingerUs(final long sendLingerUs)
    {
        this.sendLingerUs = sendLingerUs;
        return this;
    }

    /** The linger, at most half the heartbeat interval, so that a heartbeat never waits on a frame. */
    public long sendLingerNs()
    {
        return Math.min(TimeUnit.MICROSECONDS.toNanos(sendLingerUs), heartbeatIntervalNs() / 2);
    }

    /** @param linkWaitMs how long the start waits for the broker's handshake before the replay; 0 for no wait */
    public SenderContext linkWaitMs(final long linkWaitMs)
    {
        this.linkWaitMs = linkWaitMs;
        return this;
    }

    public long linkWaitMs()
    {
        return linkWaitMs;
    }

    public SenderContext drainTimeoutSeconds(final long drainTimeoutSeconds)
    {
        this.drainTimeoutSeconds = drainTimeoutSeconds;
        return this;
    }

    public long drainTimeoutSeconds()
    {
        return drainTimeoutSeconds;
    }

    public long drainTimeoutNs()
    {
        return TimeUnit.SECONDS.toNanos(drainTimeoutSeconds);
    }

    /** @param idleSender the sender thread's idle strategy, which also paces its retries (backoff for {@code wake}) */
    public SenderContext idleSender(final IdleChoice idleSender)
    {
        this.idleSender = idleSender;
        return this;
    }

    public IdleChoice idleSender()
    {
        return idleSender;
    }

    /** @param nanoClock the sender's clock for heartbeats; a test's steps by hand */
    public SenderContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /** The socket options of the link, once concluded: see {@link #conclude()}. */
    public SocketSettings linkSockets()
    {
        return linkSockets;
    }

    /** The link's socket, once concluded: {@link #socketFactory} made a CURVE client when the link is secured. */
    public SocketFactory linkSocketFactory()
    {
        return linkSocketFactory;
    }

    /**
     * Checks every value against its flag's limits and settles the link. Under CURVE, JeroMQ's I/O
     * thread encrypts what the sender handed over, in pure Java and seconds behind it on a loaded
     * or cold machine; a close with the default linger (1 s) would drop the tail still queued. So a
     * CURVE link lingers up to the drain timeout, which bounds the end of the run anyway; close
     * returns as soon as all is out.
     */
    public SenderContext conclude()
    {
        try
        {
            brokerEndpoint = Endpoint.parse(broker);
        }
        catch (final ConfigException ex)
        {
            throw new ConfigException(BROKER_FLAG + ": " + ex.getMessage(), ex);
        }
        if (brokerEndpoint.isEphemeral())
        {
            throw new ConfigException(BROKER_FLAG + " " + brokerEndpoint + ": a port is needed to connect");
        }
        security.checkEndpoint(BROKER_FLAG, brokerEndpoint);
        Validate.inRange(SOURCE_ID_FLAG, sourceId, 0, Integer.MAX_VALUE);
        Validate.inRange(MAX_FRAME_BYTES_FLAG, maxFrameBytes, Frame.MIN_FRAME_BYTES, Frame.MAX_FRAME_BYTES);
        Validate.inRange(HEARTBEAT_MS_FLAG, heartbeatMs, 1, BotConfiguration.HEARTBEAT_MS_MAX);
        Validate.inRange(SEND_LINGER_US_FLAG, sendLingerUs, 0, BotConfiguration.SEND_LINGER_US_MAX);
        Validate.inRange(DRAIN_TIMEOUT_FLAG, drainTimeoutSeconds, 0, BotConfiguration.DRAIN_TIMEOUT_SECONDS_MAX);
        Validate.inRange(LINK_WAIT_MS_FLAG, linkWaitMs, 0, BotConfiguration.LINK_WAIT_MS_MAX);
        Validate.required(IDLE_SENDER_FLAG, idleSender);
        linkSocketFactory = security.client(socketFactory);
        final long drainMs = TimeUnit.SECONDS.toMillis(drainTimeoutSeconds);
        linkSockets = !security.isCurve() ? sockets :
            sockets.withLingerMs((int)Math.min(Integer.MAX_VALUE, Math.max(sockets.lingerMs(), drainMs)));
        return this;
    }

    /**
     * The link's flags, each under its own name and in its own syntax; the socket and security
     * flags as their shared options write them ({@code hwm}, {@code socket-buffer-bytes},
     * {@code keys}, {@code insecure}).
     */
    public void writeFlags(final WireOut wire)
    {
        wire.write(key(BROKER_FLAG)).text(null == brokerEndpoint ? broker : brokerEndpoint.toString());
        wire.write(key(SOURCE_ID_FLAG)).int64(sourceId);
        wire.write(key(MAX_FRAME_BYTES_FLAG)).int64(maxFrameBytes);
        wire.write(key(HEARTBEAT_MS_FLAG)).int64(heartbeatMs);
        wire.write(key(SEND_LINGER_US_FLAG)).int64(sendLingerUs);
        wire.write(key(DRAIN_TIMEOUT_FLAG)).int64(drainTimeoutSeconds);
        wire.write(key(LINK_WAIT_MS_FLAG)).int64(linkWaitMs);
        wire.write(key(IDLE_SENDER_FLAG)).text(idleSender.word());
        sockets.writeFlags(wire);
        security.writeFlags(wire);
    }
}
