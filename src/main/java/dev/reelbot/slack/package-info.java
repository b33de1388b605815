/**
 * The Slack adapter (Bolt, Socket Mode or HTTP mode): commands in, the {@code ChatPort} out (Block Kit views, edits
 * within the workspace's budget, uploads, DMs when the bot may not post), built by {@code SlackApp}. It may use the
 * core, nothing else of the bot.
 */
package dev.reelbot.slack;
