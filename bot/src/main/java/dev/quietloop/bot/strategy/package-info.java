/**
 * The strategy seat: one interface the trading thread calls for every quote, the registry that
 * picks a strategy by name, and the sample strategies.
 */
package dev.quietloop.bot.strategy;
