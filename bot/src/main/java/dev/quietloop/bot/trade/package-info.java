/**
 * The trading thread: replays the loaded quotes through the strategy, then publishes the end of
 * stream, waiting for room in the ring only until the drain deadline.
 */
package dev.quietloop.bot.trade;
