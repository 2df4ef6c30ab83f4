/**
 * The trading thread's publishing: sequencing and fingerprinting each event, and the bot ring it
 * goes into without ever waiting, a full ring counted rather than waited on.
 */
package dev.quietloop.bot.publish;
