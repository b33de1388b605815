/**
 * The HTTP server (Javalin): the probes ({@code /livez}, {@code /readyz}, {@code /healthz}), {@code /metrics}
 * (Micrometer, implementing the core's {@code EngineMetrics}) and Slack's HTTP mode. It may use the core and
 * Slack's HTTP endpoint, nothing else of the bot.
 */
package dev.reelbot.web;
