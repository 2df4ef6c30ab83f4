/**
 * The bot process: its command line ({@link dev.quietloop.bot.BotMain}), and the conductor of one
 * run ({@code Bot}), which starts the sender and trading threads, waits for the drain, writes the
 * summary and closes what it opened in reverse order.
 */
package dev.quietloop.bot;
