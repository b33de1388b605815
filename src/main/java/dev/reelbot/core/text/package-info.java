/**
 * Text in and out: untrusted text made safe to store and print ({@code PlainText}), the word a typo meant
 * ({@code DidYouMean}), and how sizes, durations and moments read to people ({@code HumanFormat}). It uses only the
 * JDK, and every other part of the bot may use it.
 */
package dev.reelbot.core.text;
