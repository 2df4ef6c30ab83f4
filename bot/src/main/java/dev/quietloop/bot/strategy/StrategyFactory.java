package dev.quietloop.bot.strategy;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;

/** Builds a strategy at start-up, with everything it needs pre-sized for the replayed symbols. */
@FunctionalInterface
public interface StrategyFactory
{
    Strategy create(int symbolCount, EventPublisher publisher, PaperExecution execution);
}
