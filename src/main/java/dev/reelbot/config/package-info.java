/**
 * The configuration: immutable records, and the loader that reads the YAML file and {@code REELBOT_*} overrides
 * (secrets from their own variables), one reader per section, every problem reported at once. It may use Jackson
 * and the core (for the values the engine takes, such as models, limits and settings), nothing else of the bot.
 */
package dev.reelbot.config;
