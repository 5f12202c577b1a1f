// SPDX-License-Identifier: Apache-2.0
/**
 * Session descriptions (RFC 8866): an immutable model, a parser that names the faulty line and a
 * writer.
 *
 * <p>{@link dev.switchboard.media.sdp.SessionDescription} is the description and {@link
 * dev.switchboard.media.sdp.MediaDescription} one {@code m=} section; the line values are records
 * ({@link dev.switchboard.media.sdp.Origin}, {@link dev.switchboard.media.sdp.Connection}, {@link
 * dev.switchboard.media.sdp.Bandwidth}, {@link dev.switchboard.media.sdp.Timing}, {@link
 * dev.switchboard.media.sdp.Attribute}, {@link dev.switchboard.media.sdp.Field}) and the attributes
 * offer/answer reads are typed on demand ({@link dev.switchboard.media.sdp.RtpMap}, {@link
 * dev.switchboard.media.sdp.Fmtp}, {@link dev.switchboard.media.sdp.Direction}). {@link
 * dev.switchboard.media.sdp.SdpParser} and {@link dev.switchboard.media.sdp.SdpWriter} convert
 * between the model and text. Everything here is immutable or stateless, hence thread-safe, except
 * the builders.
 */
package dev.switchboard.media.sdp;
