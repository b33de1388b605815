/**
 * Delivery, the stage after a job completes: the video is downloaded on a pool of its own (by host, under the
 * channel's upload limit), then uploaded beside the message or linked, with retries and a failure said in plain
 * words; {@code DeliveryAttempts} is what a job remembers of it between steps. Media stages (transcoding, a media
 * store) belong here, their tools behind ports in the core. It uses the core's ports, text and jobs; only the
 * engine uses it.
 */
package dev.reelbot.core.deliver;
