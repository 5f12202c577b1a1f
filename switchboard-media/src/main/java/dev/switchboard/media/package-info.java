// SPDX-License-Identifier: Apache-2.0
/**
 * Audio for the user agent: what it says about media in SIP bodies and what it sends and receives
 * on RTP. The sub-packages are independent layers, each usable alone:
 *
 * <ul>
 *   <li>{@link dev.switchboard.media.sdp}: session descriptions (RFC 8866), parse and build;
 *   <li>{@link dev.switchboard.media.offer}: the offer/answer model for one audio stream (RFC
 *       3264), which yields the 488 case and the negotiated media;
 *   <li>{@link dev.switchboard.media.codec}: G.711 µ-law and A-law;
 *   <li>{@link dev.switchboard.media.rtp}: RTP packets (RFC 3550) and a real-time session on a UDP
 *       port that plays and records;
 *   <li>{@link dev.switchboard.media.dtmf}: telephone-events (RFC 4733);
 *   <li>{@link dev.switchboard.media.audio}: WAV files, resampling, tones and tone detection.
 * </ul>
 *
 * <p>{@link dev.switchboard.media.Decoding} is the result of decoding anything that came from the
 * network.
 */
package dev.switchboard.media;
