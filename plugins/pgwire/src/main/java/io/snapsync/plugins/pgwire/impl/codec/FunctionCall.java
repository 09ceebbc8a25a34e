package io.snapsync.plugins.pgwire.impl.codec;

/** 'F': a fast-path function call, which snapsync answers with 0A000 and ReadyForQuery. */
public enum FunctionCall implements FrontendMessage {
  INSTANCE
}
