// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.uri;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers component of a SIP URI, {@code ?name=value&name=value} (RFC 3261 §19.1.1): an
 * immutable, ordered list of name/value pairs.
 *
 * <p>Names and values are held unescaped ({@code subject=project%20x} has the value {@code "project
 * x"}); {@link #appendTo} escapes them again for the wire. A name may repeat. Names are looked up
 * without regard to case.
 */
public final class UriHeaders {
  private static final UriHeaders EMPTY = new UriHeaders(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private UriHeaders(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** No headers. */
  public static UriHeaders empty() {
    return EMPTY;
  }

  /** Headers from alternating names and values, unescaped. */
  public static UriHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    String[] n = new String[namesAndValues.length / 2];
    String[] v = new String[n.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = checkName(namesAndValues[2 * i]);
      v[i] = Objects.requireNonNull(namesAndValues[2 * i + 1], "value");
    }
    return n.length == 0 ? EMPTY : new UriHeaders(n, v);
  }

  /** For the parser, which has already checked the pairs; the arrays are not copied. */
  static UriHeaders trusted(String[] names, String[] values) {
    return names.length == 0 ? EMPTY : new UriHeaders(names, values);
  }

  private static String checkName(String name) {
    if (Objects.requireNonNull(name, "name").isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    return name;
  }

  /** The number of headers. */
  public int size() {
    return names.length;
  }

  /** True when there are none. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The i-th name, unescaped, as written. */
  public String name(int i) {
    return names[i];
  }

  /** The i-th value, unescaped. */
  public String value(int i) {
    return values[i];
  }

  /** The names in order. */
  public List<String> names() {
    return List.of(names);
  }

  /** The value of the first header with this name, in any case. */
  public Optional<String> get(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return Optional.of(values[i]);
      }
    }
    return Optional.empty();
  }

  /** These headers with one more appended. */
  public UriHeaders with(String name, String value) {
    checkName(name);
    Objects.requireNonNull(value, "value");
    String[] n = Arrays.copyOf(names, names.length + 1);
    String[] v = Arrays.copyOf(values, values.length + 1);
    n[names.length] = name;
    v[values.length] = value;
    return new UriHeaders(n, v);
  }

  /** These headers without any named {@code name}. */
  public UriHeaders without(String name) {
    int keep = 0;
    for (String n : names) {
      if (!n.equalsIgnoreCase(name)) {
        keep++;
      }
    }
    if (keep == names.length) {
      return this;
    }
    String[] n = new String[keep];
    String[] v = new String[keep];
    int k = 0;
    for (int i = 0; i < names.length; i++) {
      if (!names[i].equalsIgnoreCase(name)) {
        n[k] = names[i];
        v[k++] = values[i];
      }
    }
    return trusted(n, v);
  }

  /** Appends {@code ?name=value&...} with the escapes the wire needs; nothing when empty. */
  public void appendTo(StringBuilder sb) {
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? '?' : '&');
      UriEscapes.append(sb, names[i], UriEscapes.Part.HEADER);
      sb.append('=');
      UriEscapes.append(sb, values[i], UriEscapes.Part.HEADER);
    }
  }

  /**
   * Equal when both hold the same headers in any order, as RFC 3261 §19.1.4 requires ("any present
   * header component MUST be present in both URIs and match"). Names compare without regard to
   * case. Values compare exactly: §19.1.4 defers to each header field's own rules in §20, and exact
   * comparison is the conservative reading for the free-text ones (Subject).
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof UriHeaders other) || other.names.length != names.length) {
      return false;
    }
    boolean[] used = new boolean[names.length];
    outer:
    for (int i = 0; i < names.length; i++) {
      for (int j = 0; j < names.length; j++) {
        if (!used[j]
            && names[i].equalsIgnoreCase(other.names[j])
            && values[i].equals(other.values[j])) {
          used[j] = true;
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < names.length; i++) {
      h += Ascii.lowerHash(names[i]) ^ values[i].hashCode();
    }
    return h;
  }

  /** The wire form, {@code ?name=value&...}, or the empty string. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb);
    return sb.toString();
  }
}
