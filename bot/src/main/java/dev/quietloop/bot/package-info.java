/**
 * The bot process: its command line, its one validated configuration, and the lifecycle that
 * starts the sender and trading threads, waits for the drain and writes the summary.
 */
package dev.quietloop.bot;
