package io.snapsync.plugins.pgwire.impl.codec;

/** 'H': send what is buffered now. */
public enum Flush implements FrontendMessage {
  INSTANCE
}
