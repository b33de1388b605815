/**
 * The {@code JobStore} on SQLite (embedded, one writer, Flyway migrations): compare-and-set writes, one process per
 * database, a store that watches its own file. It may use the core, nothing else of the bot; it alone besides
 * core.job builds a {@code Job}, from a stored row.
 */
package dev.reelbot.store;
