package io.snapsync.core.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import org.junit.jupiter.api.Test;

/** A failure that is not a SnapsyncException reaches the client as XX000 without Java text. */
class InternalErrorTextTest {

  @Test
  void anUnexpectedExceptionBecomesXx000WithoutItsText() {
    SnapsyncException e = SessionImpl.asSnapsync(new ClassCastException(
        "class java.lang.String cannot be cast to class java.time.Instant"));
    assertEquals("XX000", e.sqlState());
    String text = e.toJson(MessageCatalog.builtin(), "en").encode();
    assertFalse(text.contains("java"), text);
    assertFalse(text.contains("ClassCast"), text);
    String zh = e.toJson(MessageCatalog.builtin(), "zh_CN").encode();
    assertFalse(zh.contains("java"), zh);
  }
}
