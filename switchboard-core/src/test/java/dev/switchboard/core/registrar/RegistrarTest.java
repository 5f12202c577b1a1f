// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.MutableClock;
import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.AuthPolicy;
import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.core.auth.DigestClient;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.core.auth.Ha1Lookup;
import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.Flow;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.location.MemoryBindingStore;
import dev.switchboard.message.SipParser;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The registrar, step by step through RFC 3261 section 10.3, on a controlled clock. */
class RegistrarTest {
  static final String DOMAIN = "example.com";
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final Flow FLOW = new Flow("UDP", "192.0.2.7:5062", "192.0.2.1:5060");

  private final MutableClock clock = new MutableClock();
  private final LocationService location = new LocationService(new MemoryBindingStore(), clock);
  private final Map<String, Map<DigestAlgorithm, Ha1>> users =
      Map.of(
          "alice", Ha1.computeAll("alice", DOMAIN, "secret"),
          "bob", Ha1.computeAll("bob", DOMAIN, "hunter2"));
  private final Ha1Lookup lookup =
      (user, realm, alg) ->
          realm.equals(DOMAIN) && users.containsKey(user)
              ? Optional.of(users.get(user).get(alg))
              : Optional.empty();
  private RegistrarPolicy policy = RegistrarPolicy.DEFAULT;
  private AuthPolicy authPolicy = AuthPolicy.DEFAULT;
  private Registrar registrar = registrar();
  private int cseq = 1;
  private final DigestClient alice = new DigestClient("alice", "secret");

  private Registrar registrar() {
    return new Registrar(
        ServedDomains.of(List.of(DOMAIN)),
        new DigestAuthenticator(SECRET, lookup, authPolicy, clock),
        location,
        policy,
        clock);
  }

  /** A REGISTER from alice's phone with the given extra header lines and a fresh CSeq. */
  private SipRequest register(String... headers) {
    return registerAs("alice", "call-1", headers);
  }

  private SipRequest registerAs(String user, String callId, String... headers) {
    StringBuilder sb =
        new StringBuilder()
            .append("REGISTER sip:").append(DOMAIN).append(" SIP/2.0\r\n")
            .append("Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK-").append(cseq).append("\r\n")
            .append("Max-Forwards: 70\r\n")
            .append("From: <sip:").append(user).append("@").append(DOMAIN).append(">;tag=f1\r\n")
            .append("To: <sip:").append(user).append("@").append(DOMAIN).append(">\r\n")
            .append("Call-ID: ").append(callId).append("\r\n")
            .append("CSeq: ").append(cseq++).append(" REGISTER\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    sb.append("Content-Length: 0\r\n\r\n");
    return (SipRequest) SipParser.parse(sb.toString().getBytes(StandardCharsets.UTF_8)).value();
  }

  private SipResponse send(SipRequest request) {
    return registrar.register(request, FLOW, "192.0.2.7").build();
  }

  /** Sends the request, answers the 401 with alice's credentials, returns the final answer. */
  private SipResponse authenticated(String... headers) {
    return authenticatedWith(alice, "alice", "call-1", headers);
  }

  private SipResponse authenticatedWith(DigestClient client, String user, String callId, String... headers) {
    SipResponse challenge = send(registerAs(user, callId, headers));
    assertThat(challenge.statusCode()).isEqualTo(401);
    return send(withCredentials(registerAs(user, callId, headers), client, challenge));
  }

  private static SipRequest withCredentials(SipRequest r, DigestClient client, SipResponse challenge) {
    AuthValue c = DigestClient.pick(challenge.all(HeaderName.WWW_AUTHENTICATE)).orElseThrow();
    return r.toBuilder()
        .add(HeaderName.AUTHORIZATION, client.answer(c, "REGISTER", r.requestUri().toString()))
        .build();
  }

  private static List<String> contacts(SipResponse r) {
    return r.headerLines(HeaderName.CONTACT);
  }

  @Nested
  class Step1RequestUri {
    @Test
    void rejectsDomainNotServedWith403() {
      SipRequest r =
          (SipRequest)
              SipParser.parse(
                      register("Contact: <sip:alice@192.0.2.7:5062>").toString()
                          .replace("REGISTER sip:example.com", "REGISTER sip:other.org")
                          .getBytes(StandardCharsets.UTF_8))
                  .value();
      SipResponse resp = send(r);
      assertThat(resp.statusCode()).isEqualTo(403);
      assertThat(resp.reasonPhrase()).contains("other.org");
    }

    @Test
    void matchesDomainByHostWhateverThePortAndCase() {
      // INTEROP-NOTES item 1: domains match by host only.
      SipRequest r =
          (SipRequest)
              SipParser.parse(
                      register().toString()
                          .replace("REGISTER sip:example.com", "REGISTER sip:EXAMPLE.com:5070")
                          .getBytes(StandardCharsets.UTF_8))
                  .value();
      assertThat(send(r).statusCode()).isEqualTo(401);
    }
  }

  @Nested
  class Step3Authentication {
    @Test
    void challengesWithSha256ThenMd5QopAuthRealmAndOpaque() {
      // RFC 8760 section 2.4: SHA-256 listed first.
      SipResponse resp = send(register("Contact: <sip:alice@192.0.2.7:5062>"));
      assertThat(resp.statusCode()).isEqualTo(401);
      List<AuthValue> challenges = resp.all(HeaderName.WWW_AUTHENTICATE);
      assertThat(challenges).extracting(c -> c.param("algorithm").orElseThrow())
          .containsExactly("SHA-256", "MD5");
      for (AuthValue c : challenges) {
        assertThat(c.param("realm")).contains(DOMAIN);
        assertThat(c.param("qop")).contains("auth");
        assertThat(c.param("opaque")).isPresent();
        assertThat(c.param("stale")).isEmpty();
      }
      assertThat(location.lookup("sip:alice@example.com")).isEmpty();
    }

    @Test
    void offersOnlyTheConfiguredAlgorithms() {
      authPolicy = new AuthPolicy(List.of(DigestAlgorithm.MD5), Duration.ofMinutes(5), 5,
          Duration.ofMinutes(1), Duration.ofMinutes(5));
      registrar = registrar();
      SipResponse resp = send(register());
      assertThat(resp.all(HeaderName.WWW_AUTHENTICATE)).extracting(c -> c.param("algorithm").orElseThrow())
          .containsExactly("MD5");
    }

    @Test
    void rightCredentialsRegisterAndAnswer200() {
      SipResponse ok = authenticated("Contact: <sip:alice@192.0.2.7:5062>");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(location.lookup("sip:alice@example.com")).extracting(Binding::contact)
          .containsExactly("sip:alice@192.0.2.7:5062");
    }

    @Test
    void wrongPasswordIsChallengedAgainAndStoresNothing() {
      SipResponse resp = authenticatedWith(new DigestClient("alice", "guess"), "alice", "call-1",
          "Contact: <sip:alice@192.0.2.7:5062>");
      assertThat(resp.statusCode()).isEqualTo(401);
      assertThat(location.lookup("sip:alice@example.com")).isEmpty();
    }

    @Test
    void expiredNonceWithRightCredentialsGetsStaleChallenge() {
      // RFC 7616 section 3.3: stale=true lets the client retry without asking its user.
      SipResponse challenge = send(register());
      clock.advance(Duration.ofMinutes(6));
      SipResponse resp = send(withCredentials(register(), alice, challenge));
      assertThat(resp.statusCode()).isEqualTo(401);
      assertThat(resp.all(HeaderName.WWW_AUTHENTICATE)).allSatisfy(
          c -> assertThat(c.param("stale")).contains("true"));
    }

    @Test
    void replayedNonceCountIsRejected() {
      // RFC 7616 section 3.4: the same nc for the same nonce is a replay.
      SipResponse challenge = send(register());
      SipRequest signed = withCredentials(register("Contact: <sip:alice@192.0.2.7:5062>"), alice, challenge);
      assertThat(send(signed).statusCode()).isEqualTo(200);
      assertThat(send(signed).statusCode()).isEqualTo(401);
    }

    @Test
    void reusedNonceWithRisingCountIsAccepted() {
      // baresip and linphone reuse a nonce with a rising nc (INTEROP-NOTES item 3).
      SipResponse challenge = send(register());
      assertThat(send(withCredentials(register(), alice, challenge)).statusCode()).isEqualTo(200);
      assertThat(send(withCredentials(register(), alice, challenge)).statusCode()).isEqualTo(200);
    }

    @Test
    void uriParameterOtherThanRequestUriIsRejectedWith400() {
      // RFC 7616 section 3.4.6.
      SipResponse challenge = send(register());
      AuthValue c = DigestClient.pick(challenge.all(HeaderName.WWW_AUTHENTICATE)).orElseThrow();
      SipRequest r = register().toBuilder()
          .add(HeaderName.AUTHORIZATION, alice.answer(c, "REGISTER", "sip:elsewhere.org"))
          .build();
      SipResponse resp = send(r);
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.reasonPhrase()).contains("uri");
    }

    @Test
    void uriParameterWithAnotherPortNamesTheSameResource() {
      // SIPp hashes sip:ip:port whatever the Request-URI says.
      SipResponse challenge = send(register());
      AuthValue c = DigestClient.pick(challenge.all(HeaderName.WWW_AUTHENTICATE)).orElseThrow();
      SipRequest r = register().toBuilder()
          .add(HeaderName.AUTHORIZATION, alice.answer(c, "REGISTER", "sip:example.com:5070"))
          .build();
      assertThat(send(r).statusCode()).isEqualTo(200);
    }

    @Test
    void fiveFailuresWithinAMinuteLockTheUserWith403AndRetryAfter() {
      for (int i = 0; i < 5; i++) {
        assertThat(authenticatedWith(new DigestClient("alice", "guess" + i), "alice", "call-1").statusCode())
            .isEqualTo(401);
      }
      // Even the right password is refused during the cool-down.
      SipResponse locked = send(register());
      assertThat(locked.statusCode()).isEqualTo(403);
      assertThat(locked.first(HeaderName.RETRY_AFTER).orElseThrow().seconds()).isEqualTo(300);
      clock.advance(Duration.ofMinutes(5).plusSeconds(1));
      assertThat(authenticated().statusCode()).isEqualTo(200);
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotLock() {
      for (int i = 0; i < 8; i++) {
        authenticatedWith(new DigestClient("alice", "guess"), "alice", "call-1");
        clock.advance(Duration.ofSeconds(20));
      }
      assertThat(authenticated().statusCode()).isEqualTo(200);
    }

    @Test
    void credentialsForAnotherRealmAreChallengedWithoutCountingAFailure() {
      SipRequest r = register().toBuilder()
          .add(HeaderName.AUTHORIZATION, AuthValue.parse(
              "Digest username=\"alice\", realm=\"other.org\", nonce=\"x\", uri=\"sip:example.com\", response=\"00\"").value())
          .build();
      for (int i = 0; i < 6; i++) {
        assertThat(send(r).statusCode()).isEqualTo(401);
      }
      assertThat(authenticated().statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class Steps4And5AddressOfRecord {
    @Test
    void userMayNotRegisterAnotherUsersAddressWith403() {
      SipRequest r = registerAs("bob", "call-2", "Contact: <sip:bob@192.0.2.7:5062>");
      SipResponse challenge = send(r);
      SipResponse resp = send(withCredentials(registerAs("bob", "call-2", "Contact: <sip:bob@192.0.2.7:5062>"), alice, challenge));
      assertThat(resp.statusCode()).isEqualTo(403);
      assertThat(location.lookup("sip:bob@example.com")).isEmpty();
    }

    @Test
    void thirdPartyRegistrationAllowedWhenConfigured() {
      policy = new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofDays(1), Duration.ofHours(1), true);
      registrar = registrar();
      SipResponse challenge = send(registerAs("bob", "call-2"));
      SipResponse resp = send(withCredentials(registerAs("bob", "call-2", "Contact: <sip:bob@192.0.2.9>"), alice, challenge));
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(location.lookup("sip:bob@example.com")).hasSize(1);
    }

    @Test
    void addressOfRecordOutsideTheDomainGets404() {
      SipRequest r = (SipRequest) SipParser.parse(register().toString()
          .replace("To: <sip:alice@example.com>", "To: <sip:alice@other.org>")
          .getBytes(StandardCharsets.UTF_8)).value();
      SipResponse challenge = send(r);
      SipResponse resp = send(withCredentials(r, alice, challenge));
      assertThat(resp.statusCode()).isEqualTo(404);
    }

    @Test
    void canonicalAorDropsSchemeSecurityPortAndParameters() {
      // Step 5: sip:user@domain, whatever the To URI carried.
      SipRequest r = (SipRequest) SipParser.parse(register("Contact: <sip:alice@192.0.2.7:5062>").toString()
          .replace("To: <sip:alice@example.com>", "To: <sips:alice@Example.COM:5061;transport=tcp>")
          .getBytes(StandardCharsets.UTF_8)).value();
      SipResponse challenge = send(r);
      assertThat(send(withCredentials(r, alice, challenge)).statusCode()).isEqualTo(200);
      assertThat(location.lookup("sip:alice@example.com")).hasSize(1);
    }
  }

  @Nested
  class Steps6And7Contacts {
    @Test
    void expiryComesFromContactParameterThenExpiresHeaderThenDefault() {
      authenticated(
          "Contact: <sip:alice@192.0.2.7:1>;expires=120, <sip:alice@192.0.2.7:2>",
          "Expires: 300");
      authenticatedWith(alice, "alice", "call-9", "Contact: <sip:alice@192.0.2.7:3>");
      assertThat(location.lookup("sip:alice@example.com"))
          .extracting(b -> b.contact() + "=" + b.remaining(clock).getSeconds())
          .containsExactlyInAnyOrder(
              "sip:alice@192.0.2.7:1=120", "sip:alice@192.0.2.7:2=300", "sip:alice@192.0.2.7:3=3600");
    }

    @Test
    void tooBriefGets423WithMinExpiresAndChangesNothing() {
      // Section 10.3 step 7 and 21.4.17.
      SipResponse resp = authenticated(
          "Contact: <sip:alice@192.0.2.7:1>;expires=3600, <sip:alice@192.0.2.7:2>;expires=30");
      assertThat(resp.statusCode()).isEqualTo(423);
      assertThat(resp.first(HeaderName.MIN_EXPIRES).orElseThrow().seconds()).isEqualTo(60);
      assertThat(location.lookup("sip:alice@example.com")).isEmpty();
    }

    @Test
    void aboveMaximumIsCappedToMaximum() {
      authenticated("Contact: <sip:alice@192.0.2.7>", "Expires: 999999");
      assertThat(location.lookup("sip:alice@example.com").get(0).remaining(clock))
          .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void expiresZeroRemovesTheBinding() {
      authenticated("Contact: <sip:alice@192.0.2.7:1>, <sip:alice@192.0.2.7:2>");
      SipResponse resp = authenticated("Contact: <sip:alice@192.0.2.7:1>;expires=0");
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(contacts(resp)).containsExactly("<sip:alice@192.0.2.7:2>;expires=3600");
    }

    @Test
    void wildcardWithExpiresZeroRemovesEveryBinding() {
      authenticatedWith(alice, "alice", "call-a", "Contact: <sip:alice@192.0.2.7:1>");
      authenticatedWith(alice, "alice", "call-b", "Contact: <sip:alice@192.0.2.7:2>");
      SipResponse resp = authenticatedWith(alice, "alice", "call-c", "Contact: *", "Expires: 0");
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(contacts(resp)).isEmpty();
      assertThat(location.lookup("sip:alice@example.com")).isEmpty();
    }

    @Test
    void wildcardWithoutExpiresZeroIs400() {
      // Section 10.2.2.
      SipResponse resp = authenticated("Contact: *", "Expires: 60");
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.reasonPhrase()).contains("Expires: 0");
    }

    @Test
    void wildcardWithAnotherContactIs400() {
      SipResponse resp = authenticated("Contact: *, <sip:alice@192.0.2.7>", "Expires: 0");
      assertThat(resp.statusCode()).isEqualTo(400);
    }

    @Test
    void qValuesAreKeptAndLookupIsOrderedByQ() {
      SipResponse resp = authenticated(
          "Contact: <sip:alice@192.0.2.7:1>;q=0.5, <sip:alice@192.0.2.7:2>;q=0.9, <sip:alice@192.0.2.7:3>");
      assertThat(location.lookup("sip:alice@example.com")).extracting(Binding::q)
          .containsExactly(1.0, 0.9, 0.5);
      assertThat(contacts(resp)).contains("<sip:alice@192.0.2.7:1>;q=0.5;expires=3600");
    }

    @Test
    void badQValueIs400NamingIt() {
      SipResponse resp = authenticated("Contact: <sip:alice@192.0.2.7>;q=1.5");
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.reasonPhrase()).contains("q '1.5'");
    }

    @Test
    void sameCallIdWithCSeqNotHigherFailsAndChangesNothing() {
      // Step 7: "If not, the update MUST be aborted and the request fails."
      authenticated("Contact: <sip:alice@192.0.2.7>;expires=600");
      cseq = 1; // the challenge and the retry reuse CSeq 1 and 2; the binding was written by 2
      SipResponse resp = authenticated("Contact: <sip:alice@192.0.2.7>;expires=0");
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.reasonPhrase()).contains("CSeq");
      assertThat(location.lookup("sip:alice@example.com")).hasSize(1);
    }

    @Test
    void anotherCallIdReplacesTheBindingWhateverItsCSeq() {
      authenticatedWith(alice, "alice", "call-a", "Contact: <sip:alice@192.0.2.7>;expires=600");
      cseq = 1;
      authenticatedWith(alice, "alice", "call-b", "Contact: <sip:alice@192.0.2.7>;expires=900");
      List<Binding> b = location.lookup("sip:alice@example.com");
      assertThat(b).hasSize(1);
      assertThat(b.get(0).callId()).isEqualTo("call-b");
      assertThat(b.get(0).remaining(clock)).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void contactEqualBySection19_1_4RefreshesInsteadOfAdding() {
      authenticated("Contact: <sip:alice@HOST.example.org:5062;transport=udp>");
      authenticated("Contact: <sip:alice@host.example.org:5062;TRANSPORT=UDP>;expires=99");
      List<Binding> b = location.lookup("sip:alice@example.com");
      assertThat(b).hasSize(1);
      assertThat(b.get(0).remaining(clock)).isEqualTo(Duration.ofSeconds(99));
    }
  }

  @Nested
  class Step8Response {
    @Test
    void okListsEveryCurrentBindingWithRemainingExpiresAndDate() {
      authenticatedWith(alice, "alice", "desk", "Contact: <sip:alice@192.0.2.7:1>;expires=600");
      clock.advance(Duration.ofSeconds(100));
      SipResponse resp = authenticatedWith(alice, "alice", "mobile", "Contact: <sip:alice@192.0.2.8:2>;expires=300");
      assertThat(contacts(resp)).containsExactlyInAnyOrder(
          "<sip:alice@192.0.2.7:1>;expires=500", "<sip:alice@192.0.2.8:2>;expires=300");
      assertThat(resp.first(HeaderName.DATE).orElseThrow().instant()).isEqualTo(clock.instant());
    }

    @Test
    void queryWithoutContactListsBindingsAndChangesNothing() {
      // Section 10.2.3.
      authenticated("Contact: <sip:alice@192.0.2.7>");
      SipResponse resp = authenticated();
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(contacts(resp)).containsExactly("<sip:alice@192.0.2.7>;expires=3600");
    }

    @Test
    void pathIsStoredAndReturnedToAUaThatSupportsIt() {
      // RFC 3327 section 5.3.
      SipResponse resp = authenticated("Contact: <sip:alice@192.0.2.7>", "Supported: path",
          "Path: <sip:edge1.example.com;lr>, <sip:edge2.example.com;lr>");
      assertThat(resp.headerLines(HeaderName.PATH).stream().flatMap(l -> Arrays.stream(l.split(",\\s*"))))
          .containsExactly("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
      assertThat(location.lookup("sip:alice@example.com").get(0).path())
          .containsExactly("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
    }

    @Test
    void pathIsStoredButNotReturnedWithoutSupportedPath() {
      SipResponse resp = authenticated("Contact: <sip:alice@192.0.2.7>", "Path: <sip:edge1.example.com;lr>");
      assertThat(resp.has(HeaderName.PATH)).isFalse();
      assertThat(location.lookup("sip:alice@example.com").get(0).path()).hasSize(1);
    }

    @Test
    void outboundInstanceRegIdAndFlowAreStoredAndEchoed() {
      // RFC 5626 section 6: the binding is keyed by instance and reg-id.
      SipResponse resp = authenticated(
          "Contact: <sip:alice@192.0.2.7:5062;transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1");
      Binding b = location.lookup("sip:alice@example.com").get(0);
      assertThat(b.instance()).isEqualTo("<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>");
      assertThat(b.regId()).isEqualTo(1);
      assertThat(b.flow()).isEqualTo(FLOW);
      assertThat(contacts(resp).get(0))
          .contains(";+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1");
      // A new contact URI with the same instance and reg-id replaces the binding.
      authenticated(
          "Contact: <sip:alice@192.0.2.7:40000;transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1");
      assertThat(location.lookup("sip:alice@example.com")).extracting(Binding::contact)
          .containsExactly("sip:alice@192.0.2.7:40000;transport=tcp");
    }

    @Test
    void bindingExpiresOnTime() {
      authenticated("Contact: <sip:alice@192.0.2.7>;expires=60");
      clock.advance(Duration.ofSeconds(59));
      assertThat(location.lookup("sip:alice@example.com")).hasSize(1);
      clock.advance(Duration.ofSeconds(1));
      assertThat(location.lookup("sip:alice@example.com")).isEmpty();
    }
  }

  /** The RFC 4475 REGISTER cases, as a registrar that authenticates sees them. */
  @Nested
  class Rfc4475 {
    @Test
    void nonSipAddressOfRecordIsRejectedWith400BeforeAnyChallenge() {
      // Section 3.3.4 (unksm2): "a registrar rejects it with 400".
      SipRequest r = (SipRequest) SipParser.parse(register().toString()
          .replace("To: <sip:alice@example.com>", "To: isbn:2983792873")
          .getBytes(StandardCharsets.UTF_8)).value();
      SipResponse resp = send(r);
      assertThat(resp.statusCode()).isEqualTo(400);
      assertThat(resp.reasonPhrase()).contains("isbn");
    }

    @Test
    void unbracketedContactParameterIsNotPartOfTheBindingUri() {
      // Section 3.3.12 (cparam01).
      authenticated("Contact: sip:alice@host.example.com;unknownparam");
      assertThat(location.lookup("sip:alice@example.com")).extracting(Binding::contact)
          .containsExactly("sip:alice@host.example.com");
    }

    @Test
    void bracketedUnknownUriParameterIsKeptInTheBinding() {
      // Section 3.3.13 (cparam02).
      SipResponse resp = authenticated("Contact: <sip:alice@host.example.com;unknownparam>");
      assertThat(location.lookup("sip:alice@example.com")).extracting(Binding::contact)
          .containsExactly("sip:alice@host.example.com;unknownparam");
      assertThat(contacts(resp)).containsExactly("<sip:alice@host.example.com;unknownparam>;expires=3600");
    }

    @Test
    void escapedRouteHeaderInTheContactUriIsKept() {
      // Section 3.3.14 (regescrt).
      SipResponse resp = authenticated("Contact: <sip:alice@host.example.com?Route=%3Csip:sip.example.com%3E>");
      assertThat(contacts(resp)).containsExactly(
          "<sip:alice@host.example.com?Route=%3Csip:sip.example.com%3E>;expires=3600");
    }

    @Test
    void escapedNullsMakeTwoDistinctContacts() {
      // Section 3.1.1.4 (escnull).
      authenticated("Contact: <sip:%00@host.example.com>", "Contact: <sip:%00%00@host.example.com>");
      assertThat(location.lookup("sip:alice@example.com")).hasSize(2);
    }
  }
}
