/**
 * A job as stored: the {@code Job} record and its parts, its states, and {@code Transitions}, the only place that
 * derives a job's next state; {@code JobUpdates} applies a transition with compare-and-set and logs job events;
 * the {@code JobStore} port (with its quotas and errors) keeps jobs. It uses the core's ports and text only;
 * the stages above it, the store and the web layer use it.
 */
package dev.reelbot.core.job;
