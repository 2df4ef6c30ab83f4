/**
 * The strategy seat: the interface the trading thread calls for every quote, trade and fill, what a
 * strategy may do through its context, the registry that picks one by name, and the samples.
 */
package dev.quietloop.bot.strategy;
