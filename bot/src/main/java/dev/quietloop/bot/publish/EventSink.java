package dev.quietloop.bot.publish;

import dev.quietloop.wire.Event;

/**
 * Where the trading thread's events go, chosen once per run from {@code --send-mode}: the bot
 * ring, which the sender thread drains ({@link EventRing}), or a socket the trading thread sends
 * on itself, the naive baseline ({@code DirectSender}). A run uses one of them only, so the call
 * stays monomorphic and the JIT inlines it: the publisher does not branch on the mode.
 */
public interface EventSink
{
    /**
     * Takes a sequenced business event, or counts it where it is lost ({@code ringRejected} for a
     * full ring, {@code unsent} for a socket that stayed full); never waits without bound.
     *
     * @return true if the event is on its way.
     */
    boolean offer(Event event);

    /**
     * Takes the end of stream, which is not sequenced.
     *
     * @return false if it cannot now: the caller retries until its drain deadline.
     */
    boolean offerEndOfStream(Event endOfStream);

    /**
     * The tick's events are all offered: a sink whose consumer sleeps wakes it now, after the
     * tick's publishes, so that no wake-up is inside the tick's measured latency.
     */
    default void endTick()
    {
    }
}
