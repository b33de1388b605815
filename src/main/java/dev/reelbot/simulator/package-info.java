/**
 * A faithful fake of the video API (Javalin), for the demo, {@code simulate-api}, the benchmark and the tests:
 * prompt markers and chaos options pick what a job does. Built from video-api.md, not from the bot: it uses nothing
 * of the bot.
 */
package dev.reelbot.simulator;
