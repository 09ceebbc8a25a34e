package io.snapsync.plugins.pgwire.impl.codec;

/** 'S': end of an extended-query batch; the server answers ReadyForQuery. */
public enum Sync implements FrontendMessage {
  INSTANCE
}
