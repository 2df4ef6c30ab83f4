package dev.quietloop.bot.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.quietloop.wire.ConfigException;

/**
 * The registry of strategies by the name {@code --strategy} takes: the one place a strategy is
 * registered. Adding one is a class with a constructor taking a {@link StrategyContext}, and a
 * line here.
 */
public final class Strategies
{
    /** Must name a registered strategy: it is the {@code --strategy} default. */
    public static final String DEFAULT = "ma-crossover";

    private static final Map<String, StrategyFactory> BY_NAME = new TreeMap<>();

    static
    {
        BY_NAME.put("ma-crossover", MovingAverageCrossoverStrategy::new);
        BY_NAME.put("imbalance", ImbalanceStrategy::new);
        BY_NAME.put("tick-signal", TickSignalStrategy::new);
    }

    private Strategies()
    {
    }

    /** The known names, sorted and comma-separated, for messages and help. */
    public static String names()
    {
        return String.join(", ", BY_NAME.keySet());
    }

    /** The known names, sorted. */
    public static Set<String> nameSet()
    {
        return Collections.unmodifiableSet(BY_NAME.keySet());
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

    /** @throws ConfigException naming the known strategies when the name is unknown. */
    public static Strategy create(final String name, final StrategyContext context)
    {
        return factory(name).create(context);
    }
}
