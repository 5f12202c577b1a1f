// SPDX-License-Identifier: Apache-2.0
/**
 * The stateful proxy of RFC 3261 section 16, with the redirect role of section 8.3.
 *
 * <p>The steps of section 16 each have their class: {@link dev.switchboard.core.proxy.RequestValidator}
 * (16.3, with {@link dev.switchboard.core.proxy.LoopDetector} for RFC 5393 loop detection), {@link
 * dev.switchboard.core.proxy.RouteProcessor} (16.4), {@link dev.switchboard.core.proxy.TargetFinder}
 * (16.5), {@link dev.switchboard.core.proxy.RequestForwarder} (16.6), {@link
 * dev.switchboard.core.proxy.ResponseContext} with {@link dev.switchboard.core.proxy.BestResponse}
 * (16.7 to 16.10) and {@link dev.switchboard.core.proxy.StatelessRelay} (16.11). {@link
 * dev.switchboard.core.proxy.Proxy} runs them in order for each request.
 */
package dev.switchboard.core.proxy;
