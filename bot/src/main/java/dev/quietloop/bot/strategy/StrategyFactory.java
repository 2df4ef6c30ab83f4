package dev.quietloop.bot.strategy;

/** Builds a strategy at start-up; the context already knows every symbol of the replayed data. */
@FunctionalInterface
public interface StrategyFactory
{
    Strategy create(StrategyContext context);
}
