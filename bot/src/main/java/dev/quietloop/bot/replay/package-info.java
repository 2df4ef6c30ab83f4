/**
 * Market data for replay: files of quotes and trades in the quietloop, Binance and Tardis CSV
 * layouts, plain or gzip, scanned once at start-up and then parsed row by row on the trading
 * thread straight from memory-mapped bytes, with no allocation; and a generator of quietloop files.
 */
package dev.quietloop.bot.replay;
