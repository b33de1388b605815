/**
 * What the admins are told: the refund notice of every billed job without a video, and the delivery notice of a
 * video no chat took (where it is kept), each claimed once with compare-and-set and posted (marked as a possible
 * repeat when an earlier attempt may have posted it), a refund notice kept true until resolved; the admin channel's
 * trouble for {@code /healthz}; the admins' list and resolve of refund cases. It uses the core's ports, text, jobs
 * and the renderer; only the engine uses it.
 */
package dev.reelbot.core.notice;
