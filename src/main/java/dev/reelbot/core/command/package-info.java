/**
 * What users type: the one parser that turns Slack's text, the console's lines and Discord's options into the
 * same {@code VideoCommand}, its flags, words and limits, and the help generated from the same definitions. Pure: no
 * I/O, no clock. It uses the core's ports, text and job ids; the engine and the adapters that build commands from
 * typed options use it.
 */
package dev.reelbot.core.command;
