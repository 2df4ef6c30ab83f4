/**
 * State shared by the threads of one bot run: its counters, each owned by one thread, and the
 * stop and drain flags that end the run in order.
 */
package dev.quietloop.bot.run;
