/**
 * The sender thread: drains the bot ring, encodes and batches events into bounded frames, and
 * PUSHes them to the broker, applying back-pressure rather than dropping.
 */
package dev.quietloop.bot.send;
