/**
 * The engine, assembled: one scheduler ({@code Poller}) steps every job on a small worker pool, each step
 * ({@code JobRunner}) doing what is due in order (submit once, poll, post, notify, deliver, show the latest view),
 * and the command handler answers every command word. Only {@code Engine} (with its parts), {@code EngineSettings},
 * {@code Admins} and {@code CommandHandler} are public. It may use every part of the core; the commands, the
 * adapters (for the command handler) and the config (for the settings) use it.
 */
package dev.reelbot.core.engine;
