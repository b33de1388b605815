/**
 * Media tools behind the core's ports: ffmpeg ({@code FfmpegTranscoder}, found at start-up by {@code Ffmpeg}) fits a
 * video under a size and takes poster frames, each run with a time limit; {@code LocalMediaStore} keeps finished
 * videos in a directory and {@code S3MediaStore} in an S3-compatible bucket every instance shares, each written
 * whole or not at all and read by byte range. It may use the core, Jackson (for ffprobe's JSON) and the AWS SDK,
 * nothing else of the bot.
 */
package dev.reelbot.media;
