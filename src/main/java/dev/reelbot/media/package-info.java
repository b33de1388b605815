/**
 * Media tools behind the core's ports: ffmpeg ({@code FfmpegTranscoder}, found at start-up by {@code Ffmpeg}) fits a
 * video under a size and takes poster frames, each run with a time limit; {@code LocalMediaStore} keeps finished
 * videos in a directory, written whole or not at all and read by byte range. It may use the core and Jackson (for
 * ffprobe's JSON), nothing else of the bot.
 */
package dev.reelbot.media;
