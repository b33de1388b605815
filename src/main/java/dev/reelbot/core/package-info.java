/**
 * The ports the engine talks through, and the values that cross them: {@code ChatPort} (a chat platform),
 * {@code VideoApi} (the video API, with its models, requests, statuses and downloads), {@code MediaStore} (where
 * finished videos are kept), {@code Transcoder} (ffmpeg), {@code MediaLinks} (the bot's own signed links),
 * {@code EngineMetrics}; the views a message shows (with a video's link, an admin notice's kind), the reply to a
 * command, a secret; and the few tools every part shares (one retry formula, one {@code Retry-After} reader, one
 * daemon thread factory). Like every package under it, it uses only the JDK and slf4j, and of the core only
 * {@code core.text}; adapters implement its ports, and never the other way round.
 */
package dev.reelbot.core;
