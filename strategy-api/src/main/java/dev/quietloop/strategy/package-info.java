/**
 * What a strategy plugin compiles against, and all it needs: the {@link dev.quietloop.strategy.Strategy}
 * seat the trading thread calls, the {@link dev.quietloop.strategy.StrategyContext} it acts through,
 * the quote, trade and fill flyweights it reads, and the {@link dev.quietloop.strategy.StrategyProvider}
 * that {@link java.util.ServiceLoader} finds, with the parameters it declares.
 */
package dev.quietloop.strategy;
