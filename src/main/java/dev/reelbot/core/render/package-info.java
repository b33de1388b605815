/**
 * What a job's message shows: {@code Renderer} turns a job into one platform-neutral view (and a refund case into
 * a notice), pure and the same for the same job at the same instant; a view's fingerprint lets the engine edit
 * only on a visible change. It uses the core's ports, text and jobs; the notices and the engine use it. Per-locale
 * texts would live here.
 */
package dev.reelbot.core.render;
