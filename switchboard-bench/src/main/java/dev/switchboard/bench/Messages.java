// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;

/**
 * The wire messages the codec benchmarks run on: one dialog-creating INVITE with an SDP offer as a
 * softphone sends it, the 200 OK that answers it after a record-routing proxy, and a REGISTER
 * carrying Digest credentials. They are what a SIP server parses most, so they are what its
 * throughput and allocation are measured on.
 *
 * <p>Lines end in CRLF and Content-Length is computed from the body, so every message is exactly
 * what a peer puts on the wire.
 */
public final class Messages {
  private Messages() {}

  /** An INVITE from a softphone with an SDP offer (PCMU, PCMA, telephone-event): about 1 KB. */
  public static final byte[] INVITE =
      wire(
          """
          INVITE sip:bob@biloxi.example.com SIP/2.0
          Via: SIP/2.0/UDP 192.0.2.101:5060;rport;branch=z9hG4bK-524287-1---77ba3c4b2e1f9d0a
          Max-Forwards: 70
          Contact: <sip:alice@192.0.2.101:5060;transport=udp>
          To: "Bob" <sip:bob@biloxi.example.com>
          From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
          Call-ID: YzE4NmYwMzQ5ZDc1NDZiMmIxYjU0MzhhNWI3ZGQ0OTk.
          CSeq: 1 INVITE
          Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, SUBSCRIBE, INFO, MESSAGE, UPDATE
          Supported: replaces, norefersub, timer
          Allow-Events: presence, kpml, talk, hold
          User-Agent: Zoiper rv2.10.19.8-mod
          Content-Type: application/sdp
          """,
          """
          v=0
          o=Zoiper 1732624001 1732624001 IN IP4 192.0.2.101
          s=Zoiper
          c=IN IP4 192.0.2.101
          t=0 0
          m=audio 49170 RTP/AVP 0 8 101
          a=rtcp:49171 IN IP4 192.0.2.101
          a=rtpmap:0 PCMU/8000
          a=rtpmap:8 PCMA/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-16
          a=ptime:20
          a=maxptime:150
          a=sendrecv
          """);

  /** The 200 OK to {@link #INVITE} as it comes back through a record-routing proxy. */
  public static final byte[] OK_200 =
      wire(
          """
          SIP/2.0 200 OK
          Via: SIP/2.0/UDP 192.0.2.101:5060;rport=5060;received=198.51.100.7;branch=z9hG4bK-524287-1---77ba3c4b2e1f9d0a
          Record-Route: <sip:proxy.biloxi.example.com;lr>
          Record-Route: <sip:198.51.100.1;lr;ftag=9fxced76sl>
          To: "Bob" <sip:bob@biloxi.example.com>;tag=8321234356
          From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
          Call-ID: YzE4NmYwMzQ5ZDc1NDZiMmIxYjU0MzhhNWI3ZGQ0OTk.
          CSeq: 1 INVITE
          Contact: <sip:bob@203.0.113.44:5060;transport=udp>
          Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, INFO, UPDATE
          Supported: replaces, timer
          User-Agent: Linphone/5.2.5 (belle-sip/5.2.4)
          Content-Type: application/sdp
          """,
          """
          v=0
          o=bob 2808844564 2808844564 IN IP4 203.0.113.44
          s=Talk
          c=IN IP4 203.0.113.44
          t=0 0
          m=audio 7078 RTP/AVP 0 101
          a=rtpmap:0 PCMU/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-16
          a=ptime:20
          a=sendrecv
          """);

  /** A REGISTER answering a 401 challenge: Digest credentials with qop=auth, nc and cnonce. */
  public static final byte[] REGISTER =
      wire(
          """
          REGISTER sip:registrar.biloxi.example.com SIP/2.0
          Via: SIP/2.0/UDP 192.0.2.101:5060;rport;branch=z9hG4bK-524287-1---d4e1f2a3b4c5d6e7
          Max-Forwards: 70
          Contact: <sip:alice@192.0.2.101:5060;transport=udp>;expires=3600
          To: "Alice" <sip:alice@biloxi.example.com>
          From: "Alice" <sip:alice@biloxi.example.com>;tag=a73kszlfl
          Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.101
          CSeq: 2 REGISTER
          Expires: 3600
          Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, SUBSCRIBE, INFO, MESSAGE, UPDATE
          Supported: replaces, norefersub, path
          User-Agent: Zoiper rv2.10.19.8-mod
          Authorization: Digest username="alice", realm="biloxi.example.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="sip:registrar.biloxi.example.com", response="245f23415f11432b3434341c022f3a9e", algorithm=MD5, cnonce="0a4f113b", qop=auth, nc=00000001
          """,
          "");

  /** The three messages by the name the benchmarks' {@code kind} parameter uses. */
  public static byte[] byKind(String kind) {
    return switch (kind) {
      case "INVITE" -> INVITE;
      case "OK_200" -> OK_200;
      case "REGISTER" -> REGISTER;
      default -> throw new IllegalArgumentException("no message " + kind);
    };
  }

  /** Joins the header block and body with CRLF line ends and a computed Content-Length. */
  private static byte[] wire(String headers, String body) {
    String crlfBody = body.replace("\n", "\r\n");
    int bodyLength = crlfBody.getBytes(StandardCharsets.UTF_8).length;
    String text =
        headers.replace("\n", "\r\n")
            + "Content-Length: "
            + bodyLength
            + "\r\n\r\n"
            + crlfBody;
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
