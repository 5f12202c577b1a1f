// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Messages from the RFC 3261 section 24 call flows, as test fixtures. Lines are joined with CRLF;
 * where the RFC leaves the SDP out ("Alice's SDP not shown") an SDP of the section 24.2 shape
 * stands in, and Content-Length is the true length of the body given.
 */
public final class RfcExamples {
  private RfcExamples() {}

  /** A small SDP offer, as in the section 24.2 flows. */
  public static final String SDP =
      String.join(
          "\r\n",
          "v=0",
          "o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com",
          "s=-",
          "c=IN IP4 192.0.2.101",
          "t=0 0",
          "m=audio 49172 RTP/AVP 0",
          "a=rtpmap:0 PCMU/8000",
          "");

  /** Section 24.1 F1: Bob registers. */
  public static final String REGISTER =
      message(
          List.of(
              "REGISTER sip:registrar.biloxi.com SIP/2.0",
              "Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7",
              "Max-Forwards: 70",
              "To: Bob <sip:bob@biloxi.com>",
              "From: Bob <sip:bob@biloxi.com>;tag=456248",
              "Call-ID: 843817637684230@998sdasdh09",
              "CSeq: 1826 REGISTER",
              "Contact: <sip:bob@192.0.2.4>",
              "Expires: 7200",
              "Content-Length: 0"),
          "");

  /** Section 24.1 F2: the registrar's 200, whose Via is folded onto a second line. */
  public static final String REGISTER_OK =
      message(
          List.of(
              "SIP/2.0 200 OK",
              "Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7",
              " ;received=192.0.2.4",
              "To: Bob <sip:bob@biloxi.com>;tag=2493k59kd",
              "From: Bob <sip:bob@biloxi.com>;tag=456248",
              "Call-ID: 843817637684230@998sdasdh09",
              "CSeq: 1826 REGISTER",
              "Contact: <sip:bob@192.0.2.4>",
              "Expires: 7200",
              "Content-Length: 0"),
          "");

  /** Section 24.2 F1: Alice's INVITE to the atlanta.com proxy. */
  public static final String INVITE =
      message(
          List.of(
              "INVITE sip:bob@biloxi.com SIP/2.0",
              "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8",
              "Max-Forwards: 70",
              "To: Bob <sip:bob@biloxi.com>",
              "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "CSeq: 314159 INVITE",
              "Contact: <sip:alice@pc33.atlanta.com>",
              "Content-Type: application/sdp"),
          SDP);

  /** Section 24.2 F4: the INVITE as the biloxi.com proxy forwards it, two Vias, one folded. */
  public static final String INVITE_FORWARDED =
      message(
          List.of(
              "INVITE sip:bob@192.0.2.4 SIP/2.0",
              "Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1",
              "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8",
              " ;received=192.0.2.1",
              "Max-Forwards: 69",
              "To: Bob <sip:bob@biloxi.com>",
              "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "CSeq: 314159 INVITE",
              "Contact: <sip:alice@pc33.atlanta.com>",
              "Content-Type: application/sdp"),
          SDP);

  /** Section 24.2 F2: 100 Trying from the atlanta.com proxy. */
  public static final String TRYING =
      message(
          List.of(
              "SIP/2.0 100 Trying",
              "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8",
              " ;received=192.0.2.1",
              "To: Bob <sip:bob@biloxi.com>",
              "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "CSeq: 314159 INVITE",
              "Content-Length: 0"),
          "");

  /** Section 24.2 F5: 180 Ringing on its way back, three Vias. */
  public static final String RINGING =
      message(
          List.of(
              "SIP/2.0 180 Ringing",
              "Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1",
              " ;received=192.0.2.3",
              "Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1",
              " ;received=192.0.2.2",
              "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8",
              " ;received=192.0.2.1",
              "To: Bob <sip:bob@biloxi.com>;tag=a6c85cf",
              "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "Contact: <sip:bob@192.0.2.4>",
              "CSeq: 314159 INVITE",
              "Content-Length: 0"),
          "");

  /** Section 24.2 F11: Alice's ACK, straight to Bob. */
  public static final String ACK =
      message(
          List.of(
              "ACK sip:bob@192.0.2.4 SIP/2.0",
              "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds9",
              "Max-Forwards: 70",
              "To: Bob <sip:bob@biloxi.com>;tag=a6c85cf",
              "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "CSeq: 314159 ACK",
              "Content-Length: 0"),
          "");

  /** Section 24.2 F13: Bob's BYE. */
  public static final String BYE =
      message(
          List.of(
              "BYE sip:alice@pc33.atlanta.com SIP/2.0",
              "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10",
              "Max-Forwards: 70",
              "From: Bob <sip:bob@biloxi.com>;tag=a6c85cf",
              "To: Alice <sip:alice@atlanta.com>;tag=1928301774",
              "Call-ID: a84b4c76e66710",
              "CSeq: 231 BYE",
              "Content-Length: 0"),
          "");

  /** Every fixture above. */
  public static final List<String> ALL =
      List.of(REGISTER, REGISTER_OK, INVITE, INVITE_FORWARDED, TRYING, RINGING, ACK, BYE);

  /**
   * Head lines joined with CRLF, then the empty line and the body. A Content-Length line is added
   * with the body's true length when the head has none.
   */
  public static String message(List<String> head, String body) {
    StringBuilder sb = new StringBuilder();
    boolean hasLength = false;
    for (String line : head) {
      sb.append(line).append("\r\n");
      hasLength |= line.startsWith("Content-Length:");
    }
    if (!hasLength) {
      sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    return sb.append("\r\n").append(body).toString();
  }

  /** The UTF-8 bytes of {@code s}. */
  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
