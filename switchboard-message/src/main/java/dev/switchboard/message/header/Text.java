// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.message.header;

import dev.switchboard.message.parse.ParseResult;
import java.util.Objects;

/**
 * Free text: Subject, Organization, Server, User-Agent, and the value of any header this stack
 * does not know, which is kept as written so a proxy forwards it unchanged.
 *
 * @param value the unfolded text
 */
public record Text(String value) implements HeaderValue {
  public Text {
    Objects.requireNonNull(value, "value");
  }

  /** Any text is a valid Text value. */
  public static ParseResult<Text> parse(String value) {
    return ParseResult.parsed(new Text(value));
  }

  @Override
  public String toString() {
    return value;
  }
}
