/**
 * Paper execution: a simulated venue on the trading thread that fills limit orders against the
 * replayed top of book and trades, within a position limit, and keeps position and PnL per symbol.
 */
package dev.quietloop.bot.execution;
