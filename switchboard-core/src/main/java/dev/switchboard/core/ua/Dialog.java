// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.CSeq;
import dev.switchboard.message.header.CallId;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.MaxForwards;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state of one dialog (RFC 3261 section 12): its identity, the local and remote URIs, the
 * local and remote sequence numbers, the remote target and the route set.
 *
 * <p>Made from the INVITE and its 2xx on the caller's side (section 12.1.2) and from the INVITE on
 * the callee's (section 12.1.1); builds requests within the dialog (section 12.2.1.1) and checks
 * the ones that arrive (section 12.2.2).
 *
 * <p>Thread-safe: the mutable parts (sequence numbers, remote target) are guarded by {@code this}.
 */
public final class Dialog {
  private final DialogId id;
  private final Address localUri;
  private final Address remoteUri;
  private final List<Address> routeSet;
  private final boolean secure;
  private long localSeq; // Guarded by this; 0 means empty (section 12.1.1).
  private long remoteSeq; // Guarded by this; -1 means empty (section 12.1.2).
  private Uri remoteTarget; // Guarded by this.

  private Dialog(
      DialogId id,
      Address localUri,
      Address remoteUri,
      List<Address> routeSet,
      boolean secure,
      long localSeq,
      long remoteSeq,
      Uri remoteTarget) {
    this.id = id;
    this.localUri = localUri;
    this.remoteUri = remoteUri;
    this.routeSet = List.copyOf(routeSet);
    this.secure = secure;
    this.localSeq = localSeq;
    this.remoteSeq = remoteSeq;
    this.remoteTarget = remoteTarget;
  }

  /**
   * The caller's dialog from its INVITE and a response with a To tag (section 12.1.2): the route
   * set is the Record-Route of the response in reverse order, the remote target its Contact (the
   * Request-URI when a faulty peer sent none), the local sequence number the INVITE's CSeq.
   */
  public static Dialog asCaller(SipRequest invite, SipResponse response) {
    DialogId id = DialogId.ofResponse(response)
        .orElseThrow(() -> new IllegalArgumentException("response has no To tag"));
    List<Address> routes = new ArrayList<>(response.all(HeaderName.RECORD_ROUTE));
    Collections.reverse(routes);
    Uri target = contactOf(response, invite.requestUri());
    return new Dialog(
        id,
        invite.from().orElseThrow().withoutParameter("tag"),
        response.to().orElseThrow().withoutParameter("tag"),
        routes,
        isSecure(invite.requestUri()),
        invite.cseq().orElseThrow().sequence(),
        -1,
        target);
  }

  /**
   * The callee's dialog from an INVITE (section 12.1.1): the route set is the Record-Route in
   * order, the remote target the Contact, the remote sequence number the CSeq; our local sequence
   * number starts at a random value below 2^31 (section 8.1.1.5) when we first send.
   */
  public static Dialog asCallee(SipRequest invite, String localTag) {
    String callId = invite.callId().map(CallId::value).orElseThrow();
    String remoteTag = invite.from().flatMap(Address::tag).orElse("");
    return new Dialog(
        new DialogId(callId, localTag, remoteTag),
        invite.to().orElseThrow().withoutParameter("tag"),
        invite.from().orElseThrow().withoutParameter("tag"),
        invite.all(HeaderName.RECORD_ROUTE),
        isSecure(invite.requestUri()),
        0,
        invite.cseq().orElseThrow().sequence(),
        contactOf(invite, invite.from().orElseThrow().uri()));
  }

  private static Uri contactOf(dev.switchboard.message.SipMessage m, Uri fallback) {
    return m.first(HeaderName.CONTACT).filter(c -> !c.isWildcard()).map(Address::uri).orElse(fallback);
  }

  private static boolean isSecure(Uri requestUri) {
    return requestUri instanceof SipUri s && s.isSecure();
  }

  /** The dialog's identity. */
  public DialogId id() {
    return id;
  }

  /** Our URI (the From of our requests), without tag. */
  public Address localUri() {
    return localUri;
  }

  /** The peer's URI (the To of our requests), without tag. */
  public Address remoteUri() {
    return remoteUri;
  }

  /** The route set, in the order requests carry it. */
  public List<Address> routeSet() {
    return routeSet;
  }

  /** True when the dialog was made by a sips Request-URI. */
  public boolean secure() {
    return secure;
  }

  /** Where requests in the dialog are addressed: the Contact the peer gave last. */
  public synchronized Uri remoteTarget() {
    return remoteTarget;
  }

  /** The last CSeq we used, 0 when we have sent nothing yet. */
  public synchronized long localSeq() {
    return localSeq;
  }

  /** The last CSeq the peer used, -1 when it has sent nothing in the dialog. */
  public synchronized long remoteSeq() {
    return remoteSeq;
  }

  /**
   * Takes the next local CSeq number (section 12.2.1.1: one higher than the last, or a random
   * start below 2^31 when the local sequence number is still empty).
   */
  public synchronized long nextLocalSequence() {
    localSeq = localSeq == 0 ? ThreadLocalRandom.current().nextLong(1, 1L << 31) : localSeq + 1;
    return localSeq;
  }

  /**
   * Section 12.2: a target refresh request (re-INVITE) or its 2xx replaces the remote target with
   * its Contact. Nothing changes when it has none.
   */
  public void refreshTarget(dev.switchboard.message.SipMessage m) {
    m.first(HeaderName.CONTACT)
        .filter(c -> !c.isWildcard())
        .ifPresent(c -> {
          synchronized (this) {
            remoteTarget = c.uri();
          }
        });
  }

  /**
   * Section 12.2.2: a request whose CSeq is lower than the last one the peer used is out of order
   * and is answered with 500; otherwise it becomes the remote sequence number. ACK and CANCEL
   * reuse the CSeq of their INVITE, so they are not checked.
   *
   * @return false for a request that must be rejected with 500
   */
  public synchronized boolean acceptRemoteSequence(SipRequest request) {
    if (request.method().equals(Method.ACK) || request.method().equals(Method.CANCEL)) {
      return true;
    }
    long seq = request.cseq().orElseThrow().sequence();
    if (remoteSeq >= 0 && seq <= remoteSeq) {
      return false;
    }
    remoteSeq = seq;
    return true;
  }

  /**
   * A request within the dialog (section 12.2.1.1), without Via: To, From, Call-ID, the next local
   * CSeq (for ACK, the CSeq number {@code ackOf} gives), the Request-URI and Route from the route
   * set and remote target, and Max-Forwards.
   *
   * @param ackOf for ACK, the CSeq number of the INVITE it acknowledges; ignored otherwise
   */
  public SipRequest.Builder newRequest(Method method, long ackOf) {
    long seq = method.equals(Method.ACK) ? ackOf : nextLocalSequence();
    Uri target = remoteTarget();
    Uri requestUri;
    List<Address> routes;
    if (routeSet.isEmpty() || isLooseRouter(routeSet.get(0))) {
      requestUri = target;
      routes = routeSet;
    } else {
      // Section 12.2.1.1, strict routing: the first route becomes the Request-URI and the remote
      // target goes to the end of the Route list.
      requestUri = stripForRequestUri(routeSet.get(0).uri());
      routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
      routes.add(Address.of(target));
    }
    SipRequest.Builder b =
        SipRequest.builder(method, requestUri)
            .add(HeaderName.MAX_FORWARDS, MaxForwards.DEFAULT)
            .add(HeaderName.FROM, localUri.withTag(id.localTag()))
            .add(HeaderName.TO, id.remoteTag().isEmpty() ? remoteUri : remoteUri.withTag(id.remoteTag()))
            .add(HeaderName.CALL_ID, new CallId(id.callId()))
            .add(HeaderName.CSEQ, new CSeq(seq, method));
    for (Address route : routes) {
      b.add(HeaderName.ROUTE, route);
    }
    return b;
  }

  /**
   * The URI the next hop is found from (section 8.1.2): the first route when there is a route
   * set, else the remote target.
   */
  public Uri nextHopUri() {
    return routeSet.isEmpty() ? remoteTarget() : routeSet.get(0).uri();
  }

  private static boolean isLooseRouter(Address route) {
    return route.uri() instanceof SipUri s && s.lr();
  }

  /** Section 12.2.1.1: parameters not allowed in a Request-URI are stripped; here, the headers. */
  private static Uri stripForRequestUri(Uri uri) {
    return uri instanceof SipUri s ? s.withoutHeaders() : uri;
  }

  @Override
  public String toString() {
    return "Dialog" + id;
  }

  /** Equal when the ids are: a dialog is its identity. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Dialog d && d.id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }
}
