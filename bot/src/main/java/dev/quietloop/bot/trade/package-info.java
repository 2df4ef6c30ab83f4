/**
 * The trading thread: reads each row of the market data, waits until it is due, runs paper
 * execution and the strategy on it, and publishes the end of stream at the end.
 */
package dev.quietloop.bot.trade;
