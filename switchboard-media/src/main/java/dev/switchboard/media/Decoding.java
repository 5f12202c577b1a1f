// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of decoding untrusted input (an SDP body, an RTP datagram, a telephone-event
 * payload): a value, or a reason that names the fault.
 *
 * <p>Bad input from the network is a value, not an exception (house style habit 7), so that a
 * caller cannot forget it: the user agent turns a malformed SDP into a {@code 400} or {@code 488}
 * with the reason as its phrase, and the RTP session counts a malformed datagram and drops it.
 * Immutable.
 *
 * @param <T> the type of the decoded value
 */
public sealed interface Decoding<T> permits Decoding.Ok, Decoding.Malformed {

  /** Wraps a decoded value. */
  static <T> Decoding<T> ok(T value) {
    return new Ok<>(value);
  }

  /** A fault with a reason that names the offending part of the input. */
  static <T> Decoding<T> malformed(String reason) {
    return new Malformed<>(reason);
  }

  /** True when decoding succeeded. */
  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value; throws {@link IllegalStateException} when this result is malformed. */
  default T value() {
    if (this instanceof Ok<T> ok) {
      return ok.get();
    }
    throw new IllegalStateException("malformed: " + ((Malformed<T>) this).reason());
  }

  /** Transforms the value, passing a fault through unchanged. */
  @SuppressWarnings("unchecked")
  default <R> Decoding<R> map(Function<? super T, ? extends R> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.get()));
    }
    return (Decoding<R>) this;
  }

  /**
   * A decoded value.
   *
   * @param get the value
   */
  record Ok<T>(T get) implements Decoding<T> {
    /** Checks the value is present. */
    public Ok {
      Objects.requireNonNull(get, "get");
    }
  }

  /**
   * Input that could not be decoded.
   *
   * @param reason what is wrong, naming the field or line, e.g. {@code "line 4: m= port is not a
   *     number: 'x'"}
   */
  record Malformed<T>(String reason) implements Decoding<T> {
    /** Checks the reason is present. */
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
