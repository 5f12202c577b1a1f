// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.core.auth.AuthDecision.Authenticated;
import dev.switchboard.core.auth.AuthDecision.Refused;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.RetryAfter;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of requests for the registrar (401) and the proxy (407): picks the
 * credentials for our realm, verifies them ({@link DigestVerifier}), challenges when they are
 * missing, wrong or stale, and locks a user or source address out after repeated failures.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>A locked user or address gets 403 with Retry-After for the rest of its cool-down; the
 *       attempt is not verified (RFC 3261 section 26.3.2.4 leaves the defence to the server).
 *   <li>No credentials for our realm: a fresh challenge; not a failure (RFC 3261 section 22.1: the
 *       first request of a client never has them).
 *   <li>A {@code uri} parameter that does not match the Request-URI: 400 (RFC 7616 section 3.4.6).
 *   <li>Right response, expired nonce: a challenge with {@code stale=true} (RFC 7616 section 3.3).
 *   <li>Anything else wrong (bad nonce, unknown user, wrong password, replayed nonce-count): a
 *       fresh challenge, and a failure counted against the user and the address.
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class DigestAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(DigestAuthenticator.class);

  private final NonceService nonces;
  private final DigestVerifier verifier;
  private final Lockout lockout;
  private final List<DigestAlgorithm> offered;
  private final String opaque;

  /**
   * An authenticator.
   *
   * @param secret the nonce-signing secret ({@link ServerSecret})
   * @param users where HA1 hashes come from
   */
  public DigestAuthenticator(byte[] secret, Ha1Lookup users, AuthPolicy policy, Clock clock) {
    Objects.requireNonNull(policy, "policy");
    this.nonces = new NonceService(secret, clock, policy.nonceLifetime());
    this.verifier = new DigestVerifier(nonces, new NonceCounts(clock), users);
    this.lockout =
        new Lockout(
            clock, policy.maxFailures(), policy.failureWindow(), policy.coolDown(),
            Lockout.DEFAULT_MAX_KEYS);
    this.offered = policy.algorithms();
    // Opaque is echoed by clients unchanged; a per-process value lets a log tell which server
    // instance issued a challenge. It carries no security (RFC 7616 section 3.3).
    byte[] o = new byte[8];
    new SecureRandom().nextBytes(o);
    this.opaque = HexFormat.of().formatHex(o);
  }

  /**
   * Authenticates {@code request} for {@code realm}.
   *
   * @param as 401/WWW-Authenticate (registrar) or 407/Proxy-Authenticate (proxy)
   * @param source the sender's IP address as text, the lockout key for the address
   */
  public AuthDecision authenticate(SipRequest request, String realm, Challenger as, String source) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(realm, "realm");
    String addressKey = "address " + Objects.requireNonNull(source, "source");
    if (lockout.isLocked(addressKey)) {
      return locked(request, lockout.retryAfterSeconds(addressKey));
    }
    ParseResult<List<AuthValue>> parsed = request.parse(as.credentialsHeader());
    if (parsed instanceof ParseResult.Malformed<List<AuthValue>> m) {
      return new Refused(request.reply(400, m.reason()));
    }
    Optional<AuthValue> credentials =
        parsed.value().stream()
            .filter(c -> c.scheme().equalsIgnoreCase("Digest"))
            .filter(c -> c.param("realm").filter(realm::equals).isPresent())
            .findFirst();
    if (credentials.isEmpty()) {
      return challenge(request, realm, as, false);
    }
    AuthValue c = credentials.get();
    Optional<String> username = c.param("username");
    String userKey = username.map(u -> "user " + u + "@" + realm).orElse(null);
    if (userKey != null && lockout.isLocked(userKey)) {
      return locked(request, lockout.retryAfterSeconds(userKey));
    }
    if (c.param("uri").isPresent() && !sameUri(c.param("uri").get(), request.requestUri())) {
      return new Refused(request.reply(400, "Authorization uri does not match the Request-URI"));
    }
    DigestResult result = verifier.verify(request.method().name(), c, realm);
    if (result instanceof DigestResult.Authenticated ok) {
      lockout.recordSuccess(addressKey);
      lockout.recordSuccess(userKey); // not null: the verifier requires a username
      return new Authenticated(ok.username(), realm);
    }
    if (result instanceof DigestResult.Stale) {
      return challenge(request, realm, as, true);
    }
    String reason = ((DigestResult.Rejected) result).reason();
    log.info("{} {} from {}: digest rejected ({})", request.method(), userKey, source, reason);
    fail(addressKey);
    if (userKey != null) {
      fail(userKey);
    }
    return challenge(request, realm, as, false);
  }

  private void fail(String key) {
    lockout.recordFailure(key);
    if (lockout.isLocked(key)) {
      log.warn("{} locked for {} s after repeated authentication failures", key,
          lockout.retryAfterSeconds(key));
    }
  }

  private Refused challenge(SipRequest request, String realm, Challenger as, boolean stale) {
    SipResponse.Builder b = request.reply(as.status());
    for (AuthValue v : Challenge.digest(offered, realm, nonces.issue(realm), opaque, stale)) {
      b.add(as.challengeHeader(), v);
    }
    return new Refused(b);
  }

  private static Refused locked(SipRequest request, long retryAfterSeconds) {
    return new Refused(
        request.reply(403, "Too many failed attempts")
            .add(HeaderName.RETRY_AFTER,
                RetryAfter.of(Math.max(1, retryAfterSeconds))));
  }

  /**
   * RFC 7616 section 3.4.6: the {@code uri} the client hashed must name the Request-URI, so that
   * credentials for one resource are not replayed for another. Compared by RFC 3261 section
   * 19.1.4, except that for SIP URIs the port and parameters are not compared: the resource is the
   * user at the host, and some clients hash the address they send to (SIPp writes {@code
   * sip:ip:port} whatever the Request-URI) or drop {@code ;transport}. Unparseable: as text.
   */
  private static boolean sameUri(String uri, Uri requestUri) {
    ParseResult<Uri> parsed = Uri.parse(uri);
    if (!(parsed instanceof ParseResult.Parsed<Uri> p)) {
      return uri.equals(requestUri.toString());
    }
    if (p.get() instanceof SipUri a && requestUri instanceof SipUri b) {
      return a.isSecure() == b.isSecure()
          && java.util.Objects.equals(a.user(), b.user())
          && a.host().matches(b.host());
    }
    return p.get().equals(requestUri);
  }
}
