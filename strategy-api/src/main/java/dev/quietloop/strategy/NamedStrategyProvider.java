package dev.quietloop.strategy;

import java.util.List;

/**
 * A {@link StrategyProvider} whose name and parameters are fixed when it is made: a subclass
 * gives them to its no-argument constructor, as {@link java.util.ServiceLoader} needs one, and
 * writes {@link #create} alone.
 */
public abstract class NamedStrategyProvider implements StrategyProvider
{
    private final String name;
    private final List<StrategyParameter> parameters;

    protected NamedStrategyProvider(final String name, final StrategyParameter... parameters)
    {
        this.name = name;
        this.parameters = List.of(parameters);
    }

    @Override
    public final String name()
    {
        return name;
    }

    @Override
    public final List<StrategyParameter> parameters()
    {
        return parameters;
    }
}
