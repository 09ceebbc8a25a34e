package io.snapsync.plugins.pgwire.impl.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final List<Buffer> startups = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();
  private final FrameDecoder decoder = new FrameDecoder(1024, startups::add,
      (t, b) -> messages.add((char) t.byteValue() + ":" + b.length()));

  @Test
  void framesSplitAcrossReadsAreReassembled() {
    Buffer startup = Buffer.buffer().appendInt(8).appendInt(StartupPacket.SSL_REQUEST);
    decoder.feed(startup.getBuffer(0, 3));
    assertEquals(0, startups.size());
    decoder.feed(startup.getBuffer(3, 8));
    assertInstanceOf(StartupPacket.SslRequest.class, StartupPacket.decode(startups.get(0)));
    decoder.startupDone();
    Buffer q = Buffer.buffer().appendByte((byte) 'Q').appendInt(4 + 9).appendString("select 1")
        .appendByte((byte) 0);
    Buffer two = q.copy().appendBuffer(Buffer.buffer().appendByte((byte) 'S').appendInt(4));
    decoder.feed(two.getBuffer(0, 7));
    decoder.feed(two.getBuffer(7, two.length()));
    assertEquals(List.of("Q:9", "S:0"), messages);
    assertEquals(0, decoder.pendingBytes());
  }

  @Test
  void oversizedFrameIsFatalBeforeItsBodyArrives() {
    decoder.startupDone();
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> decoder.feed(Buffer.buffer().appendByte((byte) 'Q').appendInt(1 << 30)));
    assertTrue(e.fatal());
    assertEquals("pgwire.invalid_message_length", e.messageId());
  }

  @Test
  void lengthBelowFourIsFatal() {
    decoder.startupDone();
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> decoder.feed(Buffer.buffer().appendByte((byte) 'Q').appendInt(3)));
    assertTrue(e.fatal());
  }

  @Test
  void badStartupLengthIsFatal() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> decoder.feed(Buffer.buffer().appendInt(100_000)));
    assertEquals("pgwire.invalid_startup_length", e.messageId());
  }

  @Test
  void shortMessageBodyIsANonFatalProtocolViolation() {
    Buffer body = Buffer.buffer().appendString("portal").appendByte((byte) 0).appendByte((byte) 1);
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> FrontendDecoder.decode((byte) 'E', body));
    assertEquals("08P01", e.sqlState());
    assertEquals(false, e.fatal());
  }

  @Test
  void unknownMessageTypeIsFatal() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> FrontendDecoder.decode((byte) 'y', Buffer.buffer()));
    assertTrue(e.fatal());
    assertEquals("pgwire.invalid_message_type", e.messageId());
  }

  @Test
  void bindDecodesFormatsAndNulls() {
    Buffer body = Buffer.buffer().appendString("p").appendByte((byte) 0).appendString("s")
        .appendByte((byte) 0).appendShort((short) 1).appendShort((short) 1)
        .appendShort((short) 2).appendInt(4).appendInt(42).appendInt(-1)
        .appendShort((short) 0);
    Bind b = (Bind) FrontendDecoder.decode((byte) 'B', body);
    assertEquals("p", b.portal());
    assertEquals(1, b.paramFormat(1));
    assertEquals(null, b.values().get(1));
    assertEquals(0, b.resultFormat(3));
  }
}
