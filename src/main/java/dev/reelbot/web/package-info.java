/**
 * The HTTP server (Javalin): the probes ({@code /livez}, {@code /readyz}, {@code /healthz}), {@code /metrics}
 * (Micrometer, implementing the core's {@code EngineMetrics}), Slack's HTTP mode, and the bot's own signed video
 * links ({@code /v/{job}/{token}.mp4}: {@code SignedLinks} implements the core's {@code MediaLinks}, served by byte
 * range from the core's {@code MediaStore}). It may use the core and Slack's HTTP endpoint, nothing else of the
 * bot.
 */
package dev.reelbot.web;
