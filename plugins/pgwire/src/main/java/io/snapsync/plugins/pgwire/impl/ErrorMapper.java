package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Notice;
import io.snapsync.plugins.pgwire.impl.codec.ErrorOrNotice;
import io.snapsync.plugins.pgwire.impl.codec.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds ErrorResponse and NoticeResponse messages from snapsync's errors and notices, with
 * every text rendered from the catalog in the client's {@code lc_messages}: S (localized
 * severity), V (severity), C (SQLSTATE), M, D, H, P. Thread-safe.
 */
final class ErrorMapper {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
      ErrorMapper.class);

  private final MessageCatalog catalog;

  ErrorMapper(MessageCatalog catalog) {
    this.catalog = catalog;
  }

  /** Any failure as a snapsync error (unexpected ones become XX000). */
  static SnapsyncException asSnapsync(Throwable t) {
    if (t instanceof SnapsyncException s) {
      return s;
    }
    if (t instanceof ProtocolException p) {
      SnapsyncException e = SnapsyncException.error(p.sqlState(), p.messageId(), p.args());
      if (p.messageId().equals("pgwire.invalid_message_length") && p.args().length > 0
          && p.args()[0] instanceof Integer len && len >= 4) {
        e = e.withHint("pgwire.message_too_large.hint");
      }
      return p.fatal() ? e.withSeverity(Severity.FATAL) : e;
    }
    SnapsyncException e = SnapsyncException.from(t);
    if (e.isInternalOf(t)) {
      // the Java text stays in the log: clients get the catalog's words only
      LOG.warn("pgwire: unexpected failure reported to the client as XX000", t);
    }
    return e;
  }

  ErrorOrNotice error(Throwable t, String lcMessages) {
    SnapsyncException e = asSnapsync(t);
    Severity s = e.severity().compareTo(Severity.ERROR) < 0 ? Severity.ERROR : e.severity();
    Map<Character, String> f = fields(s, e.sqlState(), e.message(), e.detail(), e.hint(),
        e.position(), lcMessages);
    if (e.context() != null) {
      f.put('W', catalog.render(lcMessages, e.context()));
    }
    return new ErrorOrNotice(true, f);
  }

  ErrorOrNotice notice(Notice n, String lcMessages) {
    return new ErrorOrNotice(false, fields(n.severity(), n.sqlState(), n.message(), n.detail(),
        n.hint(), 0, lcMessages));
  }

  private Map<Character, String> fields(Severity severity, String sqlState, Message message,
      Message detail, Message hint, int position, String lc) {
    Map<Character, String> f = new LinkedHashMap<>();
    f.put('S', catalog.render(lc, Message.of("pgwire.severity." + severity.name())));
    f.put('V', severity.name());
    f.put('C', sqlState);
    f.put('M', catalog.render(lc, message));
    if (detail != null) {
      f.put('D', catalog.render(lc, detail));
    }
    if (hint != null) {
      f.put('H', catalog.render(lc, hint));
    }
    if (position > 0) {
      f.put('P', Integer.toString(position));
    }
    return f;
  }
}
