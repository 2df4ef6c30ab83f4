/**
 * Getting events to the broker: the sender thread drains the bot ring, encodes and batches events
 * into bounded frames and PUSHes them, applying back-pressure rather than dropping; and the naive
 * baseline, where the trading thread sends each event itself.
 */
package dev.quietloop.bot.send;
