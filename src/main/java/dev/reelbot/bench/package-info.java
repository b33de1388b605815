/**
 * The benchmark: many jobs through the whole engine against a simulator in its own JVM, with an instant chat, and
 * the figures it prints. It may use the core, the store and the media store (the simulator runs as a process of its
 * own); only the {@code bench} command uses it. {@code TranscodeBench} times one fit with ffmpeg.
 */
package dev.reelbot.bench;
