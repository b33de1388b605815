/**
 * The video API over HTTP (OkHttp and Jackson): the create, status and content routes of video-api.md, lenient
 * parsing of what gateways send, failures sorted into the core's kinds, retries within a call, and downloads that
 * reach only public addresses. {@code HttpVideoApi.connect} is its factory. It may use the core, nothing else of the
 * bot.
 */
package dev.reelbot.videoapi;
