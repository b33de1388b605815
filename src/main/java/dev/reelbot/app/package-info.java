/**
 * Start-up and runtime wiring shared by the commands: the thread pools and the engine on them, the chat platforms
 * {@code run} serves (each connected and retried on its own), ffmpeg as found at start-up, the media store with
 * its signed links and its sweeper, the demo's session, logging, where the config comes from and how it is
 * summarised, and the video API client as configured. It may use every package but the root
 * one; only the commands use it.
 */
package dev.reelbot.app;
