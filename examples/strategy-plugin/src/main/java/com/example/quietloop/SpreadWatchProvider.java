package com.example.quietloop;

import java.util.List;

import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameter;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.StrategyProvider;

/** What the bot finds on --strategy-path: the strategy's name, its parameters, and how to build it. */
public final class SpreadWatchProvider implements StrategyProvider
{
    @Override
    public String name()
    {
        return "spread-watch";
    }

    @Override
    public List<StrategyParameter> parameters()
    {
        return List.of(
            StrategyParameter.decimal("min-spread", "0.03", "the spread that counts as wide"),
            StrategyParameter.integer("code", 100, "its signals' code"));
    }

    @Override
    public Strategy create(final StrategyContext context, final StrategyParameters parameters)
    {
        final long minSpread = parameters.decimal("min-spread");
        if (minSpread <= 0)
        {
            throw new IllegalArgumentException("min-spread must be more than 0");
        }
        final long code = parameters.integer("code");
        if (code < 0 || code > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("code must be in [0, " + Integer.MAX_VALUE + "]");
        }
        return new SpreadWatchStrategy(context, minSpread, (int)code);
    }
}
