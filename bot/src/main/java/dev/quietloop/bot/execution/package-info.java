/**
 * Paper execution: orders are filled at once against the top of book of the tick that caused
 * them, within a position limit, so a strategy can run end to end without an exchange.
 */
package dev.quietloop.bot.execution;
