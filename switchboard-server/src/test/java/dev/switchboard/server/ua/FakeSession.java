// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.ua;

import dev.switchboard.core.ua.Body;
import dev.switchboard.core.ua.SessionNegotiator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session negotiator that writes a minimal SDP naming its direction and remembers every offer
 * and answer it saw, so tests can check what the signalling carried without real media.
 * Thread-safe.
 */
final class FakeSession implements SessionNegotiator {
  final List<String> received = new CopyOnWriteArrayList<>();
  final List<String> sent = new CopyOnWriteArrayList<>();
  volatile boolean acceptable = true;
  volatile boolean closed;
  private final String name;

  FakeSession(String name) {
    this.name = name;
  }

  private Body sdp(String direction) {
    String text = "v=0\r\no=" + name + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio 4000 RTP/AVP 0\r\na=" + direction + "\r\n";
    sent.add(text);
    return Body.sdp(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Body offer(boolean hold) {
    return sdp(hold ? "sendonly" : "sendrecv");
  }

  @Override
  public Optional<Body> answer(Body offer) {
    String text = new String(offer.content(), StandardCharsets.US_ASCII);
    received.add(text);
    if (!acceptable) {
      return Optional.empty();
    }
    return Optional.of(sdp(text.contains("a=sendonly") ? "recvonly" : "sendrecv"));
  }

  @Override
  public boolean accept(Body answer) {
    received.add(new String(answer.content(), StandardCharsets.US_ASCII));
    return true;
  }

  @Override
  public void close() {
    closed = true;
  }
}
