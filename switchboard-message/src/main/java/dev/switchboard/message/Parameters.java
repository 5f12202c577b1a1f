// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered list of {@code ;name[=value]} parameters, as on Via, name-addr headers and
 * URIs.
 *
 * <p>Names are compared without regard to case (RFC 3261 section 7.3.1). Values are kept exactly as
 * they appear on the wire (a quoted value keeps its quotes) so that a message forwarded unchanged
 * is byte-identical; {@link #unquoted(String)} gives the text of a quoted value. A parameter
 * without a value (a flag such as {@code lr} or {@code rport}) has a {@code null} value.
 */
public final class Parameters {
  private static final Parameters EMPTY = new Parameters(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private Parameters(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** No parameters. */
  public static Parameters empty() {
    return EMPTY;
  }

  /** Parameters from alternating names and values; a {@code null} value makes a flag. */
  public static Parameters of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Parameters p = EMPTY;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      p = p.with(namesAndValues[i], namesAndValues[i + 1]);
    }
    return p;
  }

  /** The number of parameters. */
  public int size() {
    return names.length;
  }

  /** True when there are no parameters. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The name of the i-th parameter, as written. */
  public String name(int i) {
    return names[i];
  }

  /** The value of the i-th parameter as written, or {@code null} for a flag. */
  public String value(int i) {
    return values[i];
  }

  /** The parameter names in order, as written. */
  public List<String> names() {
    return List.of(names);
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** True when the named parameter is present, with or without a value. */
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** The value as written; empty when the parameter is absent or is a flag. */
  public Optional<String> get(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.ofNullable(values[i]);
  }

  /** The value with surrounding quotes removed and quoted-pairs resolved; empty as for get. */
  public Optional<String> unquoted(String name) {
    return get(name).map(Parameters::unquote);
  }

  /** Removes the quotes of a quoted-string and resolves its quoted-pairs; other text unchanged. */
  public static String unquote(String v) {
    if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length() - 2);
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length() - 1) {
        c = v.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** These parameters with {@code name} set to {@code value} (replaced in place, else appended). */
  public Parameters with(String name, String value) {
    Objects.requireNonNull(name, "name");
    int i = indexOf(name);
    if (i >= 0) {
      String[] v = values.clone();
      v[i] = value;
      String[] n = names.clone();
      n[i] = name;
      return new Parameters(n, v);
    }
    String[] n = Arrays.copyOf(names, names.length + 1);
    String[] v = Arrays.copyOf(values, values.length + 1);
    n[names.length] = name;
    v[values.length] = value;
    return new Parameters(n, v);
  }

  /** These parameters without {@code name}. */
  public Parameters without(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return this;
    }
    List<String> n = new ArrayList<>(Arrays.asList(names));
    List<String> v = new ArrayList<>(Arrays.asList(values));
    n.remove(i);
    v.remove(i);
    return new Parameters(n.toArray(new String[0]), v.toArray(new String[0]));
  }

  /** A builder that collects parameters in order and makes one immutable list at the end. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects parameters without the copy that each {@link #with} makes: parsers add them one by
   * one on the per-message path. Not thread-safe.
   */
  public static final class Builder {
    private String[] names = new String[4];
    private String[] values = new String[4];
    private int size;

    private Builder() {}

    /** True when a parameter of that name (in any case) was added. */
    public boolean contains(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }

    /** Adds a parameter, replacing an earlier one of the same name as {@link #with} does. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      for (int i = 0; i < size; i++) {
        if (names[i].equalsIgnoreCase(name)) {
          names[i] = name;
          values[i] = value;
          return this;
        }
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size++] = value;
      return this;
    }

    /** The parameters added so far. */
    public Parameters build() {
      return size == 0 ? EMPTY : new Parameters(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }
  }

  /** Appends {@code ;name=value} for each parameter, as written. */
  public void appendTo(StringBuilder sb) {
    for (int i = 0; i < names.length; i++) {
      sb.append(';').append(names[i]);
      if (values[i] != null) {
        sb.append('=').append(values[i]);
      }
    }
  }

  /**
   * Equal when both hold the same names (any case, any order) with equal values. Values compare
   * exactly; callers that need a case-insensitive value (transport, maddr) compare those
   * themselves.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Parameters other) || other.size() != size()) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      int j = other.indexOf(names[i]);
      if (j < 0 || !Objects.equals(values[i], other.values[j])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < names.length; i++) {
      h += names[i].toLowerCase(Locale.ROOT).hashCode() ^ Objects.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb);
    return sb.toString();
  }
}
