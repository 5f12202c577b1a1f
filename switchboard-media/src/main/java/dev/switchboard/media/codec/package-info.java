// SPDX-License-Identifier: Apache-2.0
/**
 * G.711 (ITU-T) µ-law and A-law, hand-written from the standard's tables: {@link
 * dev.switchboard.media.codec.MuLaw}, {@link dev.switchboard.media.codec.ALaw}, and {@link
 * dev.switchboard.media.codec.AudioCodec}, which names them as PCMU and PCMA with their RTP payload
 * types. Stateless and thread-safe.
 */
package dev.switchboard.media.codec;
