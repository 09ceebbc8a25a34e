package io.snapsync.plugins.pgwire.impl.codec;

/** A message from the client after start-up (one record per message type). */
public interface FrontendMessage {
}
