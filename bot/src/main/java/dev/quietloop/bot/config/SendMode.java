package dev.quietloop.bot.config;

import dev.quietloop.wire.ConfigException;

/** How the bot's events leave the trading thread ({@code --send-mode}). */
public enum SendMode
{
    /** Quietloop's way: through the ring to the sender thread; the trading thread never waits. */
    RING("ring"),
    /** The naive baseline of the benchmarks: the trading thread sends each event itself, waiting on the socket. */
    DIRECT("direct");

    private final String word;

    SendMode(final String word)
    {
        this.word = word;
    }

    /** The word {@code --send-mode} takes. */
    public String word()
    {
        return word;
    }

    /** @throws ConfigException naming the flag when {@code word} is no send mode. */
    public static SendMode parse(final String word)
    {
        for (final SendMode mode : values())
        {
            if (mode.word.equals(word))
            {
                return mode;
            }
        }
        throw new ConfigException(BotConfiguration.SEND_MODE_FLAG + " must be " + RING.word + " or " + DIRECT.word +
            ": " + word);
    }

    @Override
    public String toString()
    {
        return word;
    }
}
