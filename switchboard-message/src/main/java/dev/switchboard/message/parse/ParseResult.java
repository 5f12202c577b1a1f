// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.parse;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of parsing untrusted input: a value, or a reason that names the fault.
 *
 * <p>Bad input is a value here, not an exception (house style habit 7): the reason is short and
 * specific enough to be the reason phrase of a {@code 400} ("Bad CSeq: sequence number exceeds
 * 2^32-1"). A parse error never escapes as an unchecked exception.
 *
 * @param <T> the type of the parsed value
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Malformed {

  /** Wraps a successfully parsed value. */
  static <T> ParseResult<T> parsed(T value) {
    return new Parsed<>(value);
  }

  /** A {@code 400} fault with the given reason. */
  static <T> ParseResult<T> malformed(String reason) {
    return new Malformed<>(reason, 400);
  }

  /** A fault answered with a status code other than 400 (505, 513). */
  static <T> ParseResult<T> malformed(String reason, int statusCode) {
    return new Malformed<>(reason, statusCode);
  }

  /** True when parsing succeeded. */
  default boolean isParsed() {
    return this instanceof Parsed;
  }

  /** The value; throws {@link IllegalStateException} when this result is malformed. */
  default T value() {
    if (this instanceof Parsed<T> p) {
      return p.get();
    }
    throw new IllegalStateException("not parsed: " + ((Malformed<T>) this).reason());
  }

  /** Transforms the value, passing a fault through unchanged. */
  @SuppressWarnings("unchecked")
  default <R> ParseResult<R> map(Function<? super T, ? extends R> f) {
    if (this instanceof Parsed<T> p) {
      return new Parsed<>(f.apply(p.get()));
    }
    return (ParseResult<R>) this;
  }

  /** Chains a further parse step, passing a fault through unchanged. */
  @SuppressWarnings("unchecked")
  default <R> ParseResult<R> flatMap(Function<? super T, ParseResult<R>> f) {
    if (this instanceof Parsed<T> p) {
      return f.apply(p.get());
    }
    return (ParseResult<R>) this;
  }

  /** A successful parse. */
  record Parsed<T>(T get) implements ParseResult<T> {
    public Parsed {
      Objects.requireNonNull(get, "get");
    }
  }

  /**
   * A fault in the input.
   *
   * @param reason what is wrong and where, fit to be a reason phrase (no CR or LF)
   * @param statusCode the response a server should send for it: 400, or 505/513 where those fit
   */
  record Malformed<T>(String reason, int statusCode) implements ParseResult<T> {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
      if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("reason must fit on one line: " + reason);
      }
    }

    /** The same fault, retyped for a caller that returns another kind of result. */
    @SuppressWarnings("unchecked")
    public <R> Malformed<R> cast() {
      return (Malformed<R>) this;
    }
  }
}
