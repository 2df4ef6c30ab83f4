package dev.quietloop.bot.strategy;

import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.protocol.config.ConfigException;

/** The registry of strategies by the name {@code --strategy} takes. */
public final class Strategies
{
    public static final String MEAN_REVERSION = "mean-reversion";
    public static final String DEFAULT = MEAN_REVERSION;

    private static final Map<String, StrategyFactory> BY_NAME = new TreeMap<>();

    static
    {
        BY_NAME.put(MEAN_REVERSION, MeanReversionStrategy::new);
    }

    private Strategies()
    {
    }

    /** The known names, comma-separated, for messages and help. */
    public static String names()
    {
        return String.join(", ", BY_NAME.keySet());
    }

    /** @throws ConfigException naming the known strategies when the name is unknown. */
    public static StrategyFactory factory(final String name)
    {
        final StrategyFactory factory = BY_NAME.get(name);
        if (factory == null)
        {
            throw new ConfigException("unknown strategy '" + name + "' (known: " + names() + ")");
        }
        return factory;
    }

    public static Strategy create(
        final String name, final int symbolCount, final EventPublisher publisher, final PaperExecution execution)
    {
        return factory(name).create(symbolCount, publisher, execution);
    }
}
