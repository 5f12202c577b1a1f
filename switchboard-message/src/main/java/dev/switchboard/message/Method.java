// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import dev.switchboard.message.parse.SipChars;
import java.util.List;
import java.util.Objects;

/**
 * A request method: one of the standard methods below, or any extension token (RFC 3261 section
 * 7.1). Methods are case-sensitive: {@code invite} is an extension method, not INVITE.
 *
 * <p>Instances are immutable; {@link #of} returns the shared constant for a standard method, so
 * both {@code ==} and {@code equals} work for those.
 */
public final class Method {
  public static final Method INVITE = new Method("INVITE");
  public static final Method ACK = new Method("ACK");
  public static final Method BYE = new Method("BYE");
  public static final Method CANCEL = new Method("CANCEL");
  public static final Method REGISTER = new Method("REGISTER");
  public static final Method OPTIONS = new Method("OPTIONS");
  /** RFC 3262. */
  public static final Method PRACK = new Method("PRACK");
  /** RFC 6665. */
  public static final Method SUBSCRIBE = new Method("SUBSCRIBE");
  /** RFC 6665. */
  public static final Method NOTIFY = new Method("NOTIFY");
  /** RFC 3903. */
  public static final Method PUBLISH = new Method("PUBLISH");
  /** RFC 6086. */
  public static final Method INFO = new Method("INFO");
  /** RFC 3515. */
  public static final Method REFER = new Method("REFER");
  /** RFC 3428. */
  public static final Method MESSAGE = new Method("MESSAGE");
  /** RFC 3311. */
  public static final Method UPDATE = new Method("UPDATE");

  private static final List<Method> STANDARD =
      List.of(
          INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, PRACK, SUBSCRIBE, NOTIFY, PUBLISH, INFO,
          REFER, MESSAGE, UPDATE);

  private final String name;

  private Method(String name) {
    this.name = name;
  }

  /**
   * The method with this name.
   *
   * @throws IllegalArgumentException if {@code name} is not a token (parsers check first)
   */
  public static Method of(String name) {
    Objects.requireNonNull(name, "name");
    for (Method m : STANDARD) {
      if (m.name.equals(name)) {
        return m;
      }
    }
    if (!SipChars.isToken(name)) {
      throw new IllegalArgumentException("method must be a token: " + name);
    }
    return new Method(name);
  }

  /** The standard methods, in the order above. */
  public static List<Method> standard() {
    return STANDARD;
  }

  /** True for a method defined by RFC 3261 or a standard extension listed here. */
  public boolean isStandard() {
    return STANDARD.contains(this);
  }

  /** The method name. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Method m && m.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
