/**
 * The bot ring: the trading thread writes events into pre-allocated slots without ever waiting,
 * and a full ring is counted rather than waited on.
 */
package dev.quietloop.bot.publish;
