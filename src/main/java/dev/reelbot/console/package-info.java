/**
 * The console chat (JLine): commands typed on stdin, posts and edits printed, redrawn in place on a terminal or as
 * plain lines otherwise. {@code ConsoleChat.open} is its factory. It may use the core, nothing else of the bot.
 */
package dev.reelbot.console;
