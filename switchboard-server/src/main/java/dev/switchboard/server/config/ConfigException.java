// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.config;

/** A bad configuration value; the message is one line that names the setting and the fault. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A fault in a setting. */
  public ConfigException(String message) {
    super(message);
  }
}
