/**
 * The {@code reelbot} command line: {@code Main} and one picocli command per way to run the bot ({@code demo},
 * {@code run}, {@code simulate-api}, {@code check-config}, {@code bench}), with the options they share as mixins.
 * Each command composes, in order, what it starts from the adapters' factories and {@code app}; it may use every
 * package, and no package uses it.
 */
package dev.reelbot;
