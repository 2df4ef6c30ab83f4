package dev.quietloop.protocol.config;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Makes an agent's socket on the agent's own thread, when it starts. Agents take one at
 * construction so an allocation test can hand them a view of the real socket that counts
 * JeroMQ's bytes apart from ours; the bots use {@link #DEALER} to the broker's {@link #ROUTER}; the
 * broker uses {@link #PUSH} to the sidecar's {@link #PULL}.
 */
@FunctionalInterface
public interface SocketFactory
{
    /** A PUSH socket with every option of {@link SocketSettings} set. */
    SocketFactory PUSH = SocketSettings::push;

    /** A PULL socket with every option of {@link SocketSettings} set. */
    SocketFactory PULL = SocketSettings::pull;

    /** The bot's DEALER: sends frames to the broker, takes its acknowledgements. */
    SocketFactory DEALER = SocketSettings::dealer;

    /** The broker's ingest ROUTER: takes the bots' frames, acknowledges them to each connection. */
    SocketFactory ROUTER = SocketSettings::router;

    /** A socket of {@code context}, which closes it with itself if its owner does not. */
    ZMQ.Socket create(SocketSettings settings, ZContext context);
}
