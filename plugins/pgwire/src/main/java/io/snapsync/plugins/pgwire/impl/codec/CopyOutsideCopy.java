package io.snapsync.plugins.pgwire.impl.codec;

/** CopyData, CopyDone or CopyFail outside a COPY: ignored, as PostgreSQL does. */
public enum CopyOutsideCopy implements FrontendMessage {
  INSTANCE
}
