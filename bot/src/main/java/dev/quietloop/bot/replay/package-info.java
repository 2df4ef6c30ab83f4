/**
 * Market data for replay: the quote CSV loaded whole at start-up into columnar primitive arrays,
 * and a deterministic generator of such files.
 */
package dev.quietloop.bot.replay;
