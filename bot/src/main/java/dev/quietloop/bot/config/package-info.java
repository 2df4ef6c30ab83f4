/**
 * The bot's configuration: every flag, default and limit in one place ({@link BotConfiguration}),
 * and the contexts the flags fill, each validated once by {@code conclude()} before anything runs.
 */
package dev.quietloop.bot.config;
