/**
 * The Discord adapter (JDA): slash commands and buttons in, the {@code ChatPort} out (embeds, posts and edits,
 * uploads within the channel's limit). {@code DiscordBot.connect} is its factory. It may use the core,
 * nothing else of the bot.
 */
package dev.reelbot.discord;
