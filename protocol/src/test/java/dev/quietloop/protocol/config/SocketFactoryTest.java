package dev.quietloop.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class SocketFactoryTest
{
    private static final SocketSettings SETTINGS = SocketSettings.DEFAULTS.withLingerMs(7).withHighWaterMark(9);

    @Test
    void shouldMakeAPushAndAPullWithTheOptionsOfTheSettings()
    {
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket push = SocketFactory.PUSH.create(SETTINGS, context);
            final ZMQ.Socket pull = SocketFactory.PULL.create(SETTINGS, context);

            assertEquals(SocketType.PUSH, push.getSocketType());
            assertEquals(SocketType.PULL, pull.getSocketType());
            assertEquals(7, push.getLinger());
            assertEquals(9, push.getSndHWM());
            assertEquals(9, pull.getRcvHWM());
        }
    }
}
