package io.snapsync.plugins.pgwire.impl.codec;

/** 'X': the client closes the connection. */
public enum Terminate implements FrontendMessage {
  INSTANCE
}
