// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.ua;

/**
 * What a user agent tells its application. Every method runs on the user agent's single event
 * thread, in the order things happened, never on a transport or transaction thread. A method may
 * act on the call (accept it, hang up) but must not wait for one of the user agent's futures to
 * complete: those complete on this same thread.
 */
public interface UaListener {
  /**
   * A new call arrived. Answer it with {@link Call#ring()}, {@link Call#accept}, {@link
   * Call#reject}, now or later. The default rejects it with 480 Temporarily Unavailable.
   */
  default void onIncomingCall(Call call) {
    call.reject(480);
  }

  /** A provisional response (180, 183, ...) to one of our calls. */
  default void onProgress(Call call, int statusCode, String reasonPhrase) {}

  /** A call was answered (ours got a 2xx, or we sent one and it was acknowledged). */
  default void onConnected(Call call) {}

  /** A call ended, for whatever reason. */
  default void onCallEnded(Call call, CallEnd end) {}

  /** A MESSAGE arrived, inside or outside a call; it was answered with 200. */
  default void onMessage(IncomingMessage message) {}

  /** A registration was refused or timed out, on the first attempt or a refresh. */
  default void onRegistrationFailed(Registration registration, Exchange exchange) {}
}
