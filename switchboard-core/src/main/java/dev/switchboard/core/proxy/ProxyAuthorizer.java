// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.AuthDecision;
import dev.switchboard.core.auth.Challenger;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.message.Method;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Uri;
import dev.switchboard.message.uri.SipUri;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the proxy (section 16.3 item 6, section 22.3) and where to (no open relay):
 *
 * <ul>
 *   <li>Exempt: trusted peers, ACK and CANCEL (never challenged: they cannot be resubmitted), and
 *       in-dialog requests (To tag) that reached this proxy through its own Route, i.e. dialogs it
 *       record-routed (INTEROP-NOTES item 3; a BYE's stale Proxy-Authorization is ignored).
 *   <li>Local users — From in a served domain — are challenged with 407 for INVITE, MESSAGE,
 *       SUBSCRIBE and REFER, and for any request that leaves the served domains, in the realm of
 *       their domain, through the registrar's digest engine and lockout.
 *   <li>Anyone else may reach the served domains only: a request for another domain gets 403.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ProxyAuthorizer {
  private static final Set<Method> CHALLENGED = Set.of(Method.INVITE, Method.MESSAGE, Method.SUBSCRIBE, Method.REFER);

  /** Why a request may go on. */
  public enum Standing {
    /** Trusted peer, ACK, CANCEL or a dialog this proxy routes. */
    EXEMPT,
    /** A local user whose credentials checked out. */
    AUTHENTICATED,
    /** Nobody in particular: allowed within the served domains only. */
    ANONYMOUS
  }

  /** The decision for one request. */
  public sealed interface Verdict {
    /** The request may go on. */
    record Allowed(Standing standing, Optional<String> realm) implements Verdict {}

    /** Answer with this response: 407, 403 or 400. */
    record Refused(SipResponse.Builder response) implements Verdict {}
  }

  private final ServedDomains domains;
  private final DigestAuthenticator authenticator;
  private final TrustedPeers trusted;
  private final LocalAddresses local;

  public ProxyAuthorizer(
      ServedDomains domains, DigestAuthenticator authenticator, TrustedPeers trusted, LocalAddresses local) {
    this.domains = domains;
    this.authenticator = authenticator;
    this.trusted = trusted;
    this.local = local;
  }

  /**
   * The request as the digest check sees it. Some clients (SIPp among them) put the proxy's own
   * URI, {@code sip:host:port}, in the credentials' {@code uri} instead of the Request-URI. The
   * response hash covers that uri, so it still proves the password; the Request-URI check of RFC
   * 3261 section 22.4 is relaxed for exactly that case: a uri without user naming this proxy.
   */
  private SipRequest asDigestTarget(SipRequest request, String realm) {
    for (AuthValue c : request.all(HeaderName.PROXY_AUTHORIZATION)) {
      if (!c.param("realm").filter(realm::equals).isPresent()) {
        continue;
      }
      Optional<String> uri = c.param("uri");
      if (uri.isPresent()
          && Uri.parse(uri.get()) instanceof ParseResult.Parsed<Uri> p
          && p.value() instanceof SipUri named
          && named.user() == null
          && local.isMe(named)) {
        return request.toBuilder().requestUri(named).build();
      }
    }
    return request;
  }

  /**
   * Decides for {@code request}.
   *
   * @param source the sender's address
   * @param routedHere route processing removed a Route naming this proxy
   * @param offDomain the request is headed outside the served domains
   */
  public Verdict check(SipRequest request, InetAddress source, boolean routedHere, boolean offDomain) {
    Method m = request.method();
    boolean inDialog = request.to().flatMap(Address::tag).isPresent();
    if (trusted.contains(source) || m.equals(Method.ACK) || m.equals(Method.CANCEL) || (inDialog && routedHere)) {
      return new Verdict.Allowed(Standing.EXEMPT, Optional.empty());
    }
    Optional<String> realm =
        request.from()
            .map(Address::uri)
            .filter(SipUri.class::isInstance)
            .flatMap(u -> domains.find(((SipUri) u).host()));
    if (realm.isPresent() && (CHALLENGED.contains(m) || offDomain)) {
      AuthDecision d =
          authenticator.authenticate(
              asDigestTarget(request, realm.get()), realm.get(), Challenger.PROXY, source.getHostAddress());
      if (d instanceof AuthDecision.Refused r) {
        return new Verdict.Refused(r.response());
      }
      return new Verdict.Allowed(Standing.AUTHENTICATED, realm);
    }
    if (offDomain) {
      return new Verdict.Refused(request.reply(403, "Relaying Denied"));
    }
    return new Verdict.Allowed(Standing.ANONYMOUS, Optional.empty());
  }
}
