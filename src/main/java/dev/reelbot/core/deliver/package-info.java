/**
 * Delivery, the stage after a job completes: the video is downloaded on a pool of its own (by host), kept in the
 * media store with its poster frame and fitted under the channel's upload limit when it is over (on a pool of its
 * own), then uploaded beside the message, linked (the bot's own link, else the API's), or kept for the admins with
 * a delivery notice, never reported as a failure; retries, and what went wrong in plain words.
 * {@code DeliveryAttempts} is what a job remembers of it between steps; {@code MediaSweeper} keeps the store within
 * its retention and size. The tools (store, transcoder, links) are ports in the core, given as {@code MediaParts}.
 * It uses the core's ports, text and jobs; the engine uses it, and the start-up wiring builds its parts and
 * settings.
 */
package dev.reelbot.core.deliver;
