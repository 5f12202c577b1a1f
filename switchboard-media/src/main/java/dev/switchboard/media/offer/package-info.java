// SPDX-License-Identifier: Apache-2.0
/**
 * The offer/answer model (RFC 3264) for one audio stream: {@link
 * dev.switchboard.media.offer.OfferAnswer} makes offers and answers and reads answers; the outcome
 * is an {@link dev.switchboard.media.offer.AnswerResult}, accepted with the {@link
 * dev.switchboard.media.offer.NegotiatedAudio} the RTP session needs, or rejected (488).
 */
package dev.switchboard.media.offer;
