package dev.quietloop.protocol.config;

import dev.quietloop.protocol.wake.WorkWait;
import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.ITypeConverter;

/**
 * A thread's idle strategy as configured: the word is checked once, when the configuration is
 * read ({@link #parse}), and each thread then gets a strategy of its own ({@link #newStrategy()}),
 * since a backoff strategy keeps state. A picocli option can be of this type directly, through
 * {@link Converter}: a bad word is then the one-line usage error that names the flag.
 */
public record IdleChoice(String word)
{
    public static final IdleChoice SPIN = new IdleChoice(IdleStrategies.SPIN);
    public static final IdleChoice BACKOFF = new IdleChoice(IdleStrategies.BACKOFF);
    public static final IdleChoice WAKE = new IdleChoice(IdleStrategies.WAKE);

    public IdleChoice
    {
        if (!IdleStrategies.isWake(word))
        {
            IdleStrategies.parse(word);
        }
    }

    /** @throws ConfigException naming {@code flag} when {@code word} is no idle strategy. */
    public static IdleChoice parse(final String flag, final String word)
    {
        return new IdleChoice(IdleStrategies.validate(flag, word));
    }

    /**
     * A strategy of its own, for one thread that has nothing to wait on.
     *
     * @throws ConfigException for {@code wake}: see {@link #newStrategy(WorkWait)}.
     */
    public IdleStrategy newStrategy()
    {
        return IdleStrategies.parse(word);
    }

    /** A strategy of its own, for one thread whose work arrives through {@code wait}. */
    public IdleStrategy newStrategy(final WorkWait wait)
    {
        return IdleStrategies.parse(word, wait);
    }

    /**
     * The strategy to retry a refused send with: this one, but backoff for {@code wake}, whose wait
     * is for new work, not for room in a socket.
     */
    public IdleStrategy newRetryStrategy()
    {
        return isWake() ? BACKOFF.newStrategy() : newStrategy();
    }

    public boolean isWake()
    {
        return IdleStrategies.isWake(word);
    }

    @Override
    public String toString()
    {
        return word;
    }

    /** For {@code @Option(converter = IdleChoice.Converter.class)}. */
    public static final class Converter implements ITypeConverter<IdleChoice>
    {
        @Override
        public IdleChoice convert(final String word)
        {
            try
            {
                return new IdleChoice(word);
            }
            catch (final ConfigException ex)
            {
                throw new picocli.CommandLine.TypeConversionException(ex.getMessage());
            }
        }
    }
}
