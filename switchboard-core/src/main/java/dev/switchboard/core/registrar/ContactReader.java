// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.registrar;

import dev.switchboard.core.location.Binding;
import dev.switchboard.core.location.Flow;
import dev.switchboard.message.SipRequest;
import dev.switchboard.message.SipResponse;
import dev.switchboard.message.header.Address;
import dev.switchboard.message.header.Expires;
import dev.switchboard.message.header.HeaderName;
import dev.switchboard.message.parse.ParseResult;
import dev.switchboard.message.uri.Uri;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the Contact header fields of a REGISTER into binding changes, checking them all before
 * anything is changed (RFC 3261 section 10.3 steps 6 and 7). Stateless.
 */
final class ContactReader {
  /** The largest expiry a client may ask for (RFC 3261 section 20.19: 2**32-1). */
  static final long MAX_EXPIRES_VALUE = 4_294_967_295L;

  private ContactReader() {}

  /** Either the changes to apply or the response that refuses the request. */
  sealed interface Reading permits Changes, Rejected {}

  /**
   * The changes: bindings to add, refresh or (already expired) remove, and contacts to remove.
   * Both empty for a query (a REGISTER without Contact).
   */
  record Changes(List<Binding> upserts, List<String> removed) implements Reading {
    Changes {
      upserts = List.copyOf(upserts);
      removed = List.copyOf(removed);
    }

    boolean isEmpty() {
      return upserts.isEmpty() && removed.isEmpty();
    }
  }

  /** The request is refused with {@code response}; nothing is changed. */
  record Rejected(SipResponse.Builder response) implements Reading {}

  /**
   * Reads {@code request}'s contacts for {@code aor}.
   *
   * @param current the bindings the AOR has now
   */
  static Reading read(
      SipRequest request,
      String aor,
      Flow flow,
      RegistrarPolicy policy,
      Instant now,
      List<Binding> current) {
    List<Address> contacts = request.all(HeaderName.CONTACT);
    String callId = request.callId().orElseThrow().value(); // mandatory, checked by the transport
    long cseq = request.cseq().orElseThrow().sequence();
    Optional<Long> expiresHeader = request.first(HeaderName.EXPIRES).map(Expires::seconds);
    if (contacts.stream().anyMatch(Address::isWildcard)) {
      return readWildcard(request, contacts, expiresHeader, callId, cseq, current);
    }
    List<String> path = request.all(HeaderName.PATH).stream().map(Address::toString).toList();
    List<Binding> upserts = new ArrayList<>(contacts.size());
    boolean tooBrief = false;
    for (Address contact : contacts) {
      Optional<Long> param;
      double q;
      Integer regId;
      try {
        param = number(contact, "expires").map(ContactReader::expiresValue);
        q = contact.parameters().get("q").map(ContactReader::parseQ).orElse(Binding.DEFAULT_Q);
        regId = number(contact, "reg-id").map(Math::toIntExact).orElse(null);
      } catch (IllegalArgumentException | ArithmeticException e) {
        return bad(request, "Bad Contact " + contact + ": " + e.getMessage());
      }
      String instance = contact.parameters().unquoted("+sip.instance").orElse(null);
      if (regId != null && instance == null) {
        // RFC 5626 section 4.2: reg-id only means something with +sip.instance; treat as absent.
        regId = null;
      }
      // Step 7: the contact's expires parameter, else the Expires header, else our default.
      long seconds = param.orElse(expiresHeader.orElse(policy.defaultExpires().getSeconds()));
      if (seconds > 0 && seconds < policy.minExpires().getSeconds()) {
        tooBrief = true;
        continue;
      }
      seconds = Math.min(seconds, policy.maxExpires().getSeconds());
      String text = sameContact(contact.uri(), current).orElse(contact.uri().toString());
      Binding next =
          new Binding(aor, text, q, now.plusSeconds(seconds), callId, cseq, path, instance, regId, flow);
      // Step 7: a request that is not newer than the one that wrote the binding fails.
      for (Binding old : current) {
        if (old.key().equals(next.key()) && old.callId().equals(callId) && cseq <= old.cseq()) {
          return bad(request,
              "CSeq " + cseq + " is not higher than " + old.cseq() + " of the last REGISTER for "
                  + text + " with this Call-ID");
        }
      }
      upserts.add(next);
    }
    if (tooBrief) {
      // Section 10.3 step 7 / 21.4.17: 423 with the shortest interval we accept.
      return new Rejected(
          request.reply(423)
              .add(HeaderName.MIN_EXPIRES, new Expires(policy.minExpires().getSeconds())));
    }
    return new Changes(upserts, List.of());
  }

  /**
   * Contact {@code *} (section 10.2.2): only alone and with Expires 0. It removes every binding
   * except those last written by this Call-ID with a CSeq not lower than the request's (step 7).
   */
  private static Reading readWildcard(
      SipRequest request,
      List<Address> contacts,
      Optional<Long> expiresHeader,
      String callId,
      long cseq,
      List<Binding> current) {
    if (contacts.size() != 1) {
      return bad(request, "Contact * must be the only Contact");
    }
    if (expiresHeader.isEmpty() || expiresHeader.get() != 0) {
      return bad(request, "Contact * needs Expires: 0");
    }
    List<String> removed = new ArrayList<>();
    for (Binding b : current) {
      if (!(b.callId().equals(callId) && cseq <= b.cseq())) {
        removed.add(b.contact());
      }
    }
    return new Changes(List.of(), removed);
  }

  /**
   * The text of a current binding whose contact is the same URI by section 19.1.4, so a contact
   * written differently (case, parameter order) refreshes the binding rather than adding one.
   */
  private static Optional<String> sameContact(Uri uri, List<Binding> current) {
    for (Binding b : current) {
      ParseResult<Uri> stored = Uri.parse(b.contact());
      if (stored instanceof ParseResult.Parsed<Uri> p && p.get().equals(uri)) {
        return Optional.of(b.contact());
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> number(Address contact, String name) {
    Optional<String> v = contact.parameters().get(name);
    if (v.isEmpty() && contact.parameters().contains(name)) {
      throw new IllegalArgumentException(name + " has no value");
    }
    return v.map(
        s -> {
          if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(name + " '" + s + "' is not a whole number");
          }
          return Long.parseLong(s);
        });
  }

  private static long expiresValue(long seconds) {
    // Section 20.19: larger values are treated as 2**32-1.
    return Math.min(seconds, MAX_EXPIRES_VALUE);
  }

  /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (section 25.1). */
  private static double parseQ(String q) {
    if (!q.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
      throw new IllegalArgumentException("q '" + q + "' is not a qvalue between 0 and 1");
    }
    return Double.parseDouble(q);
  }

  /** A q value as a qvalue: at most three decimals, no trailing zeros. */
  static String formatQ(double q) {
    return BigDecimal.valueOf(q).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static Rejected bad(SipRequest request, String reason) {
    return new Rejected(request.reply(400, Objects.requireNonNull(reason)));
  }
}
