/**
 * The bot's own queue of jobs not yet sent ({@code CapacityQueue}): which may be sent now, within the limits on jobs
 * in flight (configured, and learned from the video API's refusals, {@code CapacityGate}) and per requester; the
 * others in a fair order ({@code QueueOrder}: round-robin between requesters, first-in first-out within one, bumped
 * jobs first) with their place and an estimated wait ({@code WaitEstimate}). It uses the core's ports, jobs and
 * the renderer's {@code WaitingPlace}; the engine uses it.
 */
package dev.reelbot.core.queue;
