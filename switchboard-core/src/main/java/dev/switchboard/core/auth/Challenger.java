// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.auth;

import dev.switchboard.message.header.AuthValue;
import dev.switchboard.message.header.HeaderName;

/**
 * Who asks for credentials, which decides the header names and status code (RFC 3261 section 22):
 * a registrar or UAS challenges with 401 and WWW-Authenticate, a proxy with 407 and
 * Proxy-Authenticate.
 */
public enum Challenger {
  /** A registrar or user agent server. */
  ORIGIN(401, HeaderName.WWW_AUTHENTICATE, HeaderName.AUTHORIZATION),
  /** A proxy. */
  PROXY(407, HeaderName.PROXY_AUTHENTICATE, HeaderName.PROXY_AUTHORIZATION);

  private final int status;
  private final HeaderName<AuthValue> challenge;
  private final HeaderName<AuthValue> credentials;

  Challenger(int status, HeaderName<AuthValue> challenge, HeaderName<AuthValue> credentials) {
    this.status = status;
    this.challenge = challenge;
    this.credentials = credentials;
  }

  /** 401 or 407. */
  public int status() {
    return status;
  }

  /** WWW-Authenticate or Proxy-Authenticate. */
  public HeaderName<AuthValue> challengeHeader() {
    return challenge;
  }

  /** Authorization or Proxy-Authorization. */
  public HeaderName<AuthValue> credentialsHeader() {
    return credentials;
  }
}
