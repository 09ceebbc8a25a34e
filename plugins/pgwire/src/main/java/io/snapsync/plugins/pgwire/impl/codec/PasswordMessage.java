package io.snapsync.plugins.pgwire.impl.codec;

/**
 * 'p': a password, SASLInitialResponse or SASLResponse; its meaning depends on the
 * authentication exchange in progress, so the body is kept raw.
 */
public record PasswordMessage(byte[] body) implements FrontendMessage {
}
