/**
 * The benchmark: many jobs through the whole engine against a simulator in its own JVM, with an instant chat, and
 * the figures it prints. It may use the core and the store (the simulator runs as a process of its own); only the
 * {@code bench} command uses it.
 */
package dev.reelbot.bench;
