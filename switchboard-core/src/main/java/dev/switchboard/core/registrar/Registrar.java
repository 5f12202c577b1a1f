// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.registrar;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.AuthDecision;
import dev.switchboard.core.auth.Challenger;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.Flow;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.header.SipDate;
import dev.switchboard.message.uri.SipUri;
import dev.switchboard.message.uri.Uri;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registrar (RFC 3261 section 10.3): authenticates a REGISTER, checks that its sender may
 * change the address of record in To, and applies its Contact changes to the {@link
 * LocationService} atomically, answering 200 with every current binding.
 *
 * <p>Steps 2 (Require) and the section 8.2 checks are the caller's; everything else of section 10.3
 * is here, numbered as in the RFC. Paths (RFC 3327) are stored with the binding and echoed to a UA
 * that supports them; {@code +sip.instance} and {@code reg-id} (RFC 5626) are stored. GRUUs (RFC
 * 5627) are not offered, so clients keep their own Contact (INTEROP-NOTES item 2).
 *
 * <p>Thread-safe: it keeps no state of its own.
 */
public final class Registrar {
  private final ServedDomains domains;
  private final DigestAuthenticator authenticator;
  private final LocationService location;
  private final RegistrarPolicy policy;
  private final Clock clock;

  /** A registrar for {@code domains}, storing bindings in {@code location}. */
  public Registrar(
      ServedDomains domains,
      DigestAuthenticator authenticator,
      LocationService location,
      RegistrarPolicy policy,
      Clock clock) {
    this.domains = Objects.requireNonNull(domains, "domains");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.location = Objects.requireNonNull(location, "location");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Processes a REGISTER that passed the section 8.2 checks and answers it. The caller adds the To
   * tag and Server header and sends the response.
   *
   * @param flow how the request arrived; stored with each binding so the proxy can reach it
   * @param sourceAddress the sender's IP address, for the authentication lockout
   */
  public SipResponse.Builder register(SipRequest request, Flow flow, String sourceAddress) {
    // Step 1: the Request-URI names a domain of ours.
    if (!(request.requestUri() instanceof SipUri ruri)) {
      return request.reply(416, "Unsupported URI Scheme: " + request.requestUri().scheme());
    }
    Optional<String> domain = domains.find(ruri.host());
    if (domain.isEmpty()) {
      return request.reply(403, "Domain not served here: " + ruri.host());
    }
    // Section 10.2: To holds the address of record, a SIP or SIPS URI. Checked before asking for
    // credentials, as it is a fault of the request's form, not of its sender (RFC 4475 unksm2).
    Address to = request.to().orElseThrow(); // mandatory: checked by the transport
    if (!(to.uri() instanceof SipUri toUri)) {
      return request.reply(400, "To must be a SIP or SIPS address of record, not " + to.uri().scheme());
    }
    // Step 3: authentication, realm = the domain.
    AuthDecision auth =
        authenticator.authenticate(request, domain.get(), Challenger.ORIGIN, sourceAddress);
    if (auth instanceof AuthDecision.Refused refused) {
      return refused.response();
    }
    String user = ((AuthDecision.Authenticated) auth).username();
    // Step 5: the address of record in To, in canonical form, belongs to the domain.
    if (toUri.user() == null) {
      return request.reply(404, "To is not an address of record in " + domain.get());
    }
    if (domains.find(toUri.host()).filter(domain.get()::equals).isEmpty()) {
      return request.reply(404, "Address of record not in domain " + domain.get());
    }
    String aor = "sip:" + toUri.user() + "@" + domain.get();
    // Step 4: the authenticated user may change only its own bindings, unless configured.
    if (!policy.thirdParty() && !toUri.user().equals(user)) {
      return request.reply(403, "User " + user + " may not register " + aor);
    }
    // Steps 6 and 7: read and check every Contact before changing anything.
    ContactReader.Reading reading =
        ContactReader.read(request, aor, flow, policy, clock.instant(), location.lookup(aor));
    if (reading instanceof ContactReader.Rejected rejected) {
      return rejected.response();
    }
    // Step 8: apply them atomically, then answer with every current binding.
    ContactReader.Changes changes = (ContactReader.Changes) reading;
    if (!changes.isEmpty()) {
      location.update(aor, changes.upserts(), changes.removed());
    }
    return ok(request, aor);
  }

  private SipResponse.Builder ok(SipRequest request, String aor) {
    SipResponse.Builder b = request.reply(200);
    for (Binding binding : location.lookup(aor)) {
      b.add(HeaderName.CONTACT, contactOf(binding));
    }
    // RFC 3327 section 5.3: the stored Path is returned to a UA that supports it.
    boolean pathSupported =
        request.all(HeaderName.SUPPORTED).stream().anyMatch(t -> t.value().equalsIgnoreCase("path"));
    if (pathSupported) {
      for (Address path : request.all(HeaderName.PATH)) {
        b.add(HeaderName.PATH, path);
      }
    }
    // Section 10.3 step 8: a Date header lets a UA without a clock set one.
    return b.add(HeaderName.DATE, new SipDate(clock.instant()));
  }

  private Address contactOf(Binding binding) {
    // The contact text was written by ContactReader from a parsed URI, so it parses again.
    Address a = Address.of(Uri.parse(binding.contact()).value());
    if (binding.q() != Binding.DEFAULT_Q) {
      a = a.withParameter("q", ContactReader.formatQ(binding.q()));
    }
    a = a.withParameter("expires", Long.toString(remainingSeconds(binding)));
    if (binding.instance() != null) {
      a = a.withParameter("+sip.instance", "\"" + binding.instance() + "\"");
    }
    if (binding.regId() != null) {
      a = a.withParameter("reg-id", binding.regId().toString());
    }
    return a;
  }

  /** Whole seconds left, rounded up so a binding that is listed never shows 0. */
  private long remainingSeconds(Binding binding) {
    long ms = binding.remaining(clock).toMillis();
    return Math.max(1, (ms + 999) / 1000);
  }
}
