// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import java.util.Objects;

/**
 * One header field line as it stands in a message: its name and its unfolded value text.
 *
 * <p>This is the raw form every header keeps, known or not; a proxy that does not touch a header
 * writes this text back unchanged (RFC 3261 section 16.6: unknown headers are forwarded as they
 * are). Typed values are parsed from it on demand.
 *
 * @param name the header name
 * @param value the value with folding replaced by single spaces and outer white space removed
 */
public record Header(HeaderName<?> name, String value) {
  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header value must be one line: " + name);
    }
  }

  @Override
  public String toString() {
    return name.name() + ": " + value;
  }
}
