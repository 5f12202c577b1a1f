// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.proxy;

/** How a request with several targets is forked (RFC 3261 section 16.6, last paragraphs). */
public enum Forking {
  /** Every target at once. */
  PARALLEL,
  /** One target after another, highest q first; the next only once the previous failed. */
  SEQUENTIAL
}
