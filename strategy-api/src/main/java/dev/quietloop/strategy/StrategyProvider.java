package dev.quietloop.strategy;

import java.util.List;

/**
 * A strategy a bot can run by name, found by {@link java.util.ServiceLoader}: the bot's own on its
 * class path, a plugin's in the jars of {@code --strategy-path}. A plugin jar names its providers in
 * {@code META-INF/services/dev.quietloop.strategy.StrategyProvider}, one class a line; each needs a
 * public no-argument constructor. Called at start-up only, never on the trading thread.
 */
public interface StrategyProvider
{
    /**
     * What {@code --strategy} takes: lower-case letters, digits and dashes, a letter first
     * ({@link StrategyParameter#isName}). Two providers of one name refuse to start the bot.
     */
    String name();

    /** What {@code --strategy-param KEY=VALUE} can set, each with its default, in the order {@code --list-strategies} shows them. */
    List<StrategyParameter> parameters();

    /**
     * Builds the strategy for a run.
     *
     * @param context    what the strategy may do; it already knows every symbol of the replay
     * @param parameters a value of the right kind for each of {@link #parameters()}: the given one, or its default
     * @throws IllegalArgumentException when the values make no sense together (a fast average slower than the
     *                                  slow one, say); its message, one line, is shown to the user as it is.
     */
    Strategy create(StrategyContext context, StrategyParameters parameters);
}
