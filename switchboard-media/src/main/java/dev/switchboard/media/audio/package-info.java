// SPDX-License-Identifier: Apache-2.0
/**
 * Audio in memory and on disk: {@link dev.switchboard.media.audio.PcmAudio} (mono 16-bit PCM),
 * {@link dev.switchboard.media.audio.Wav} and {@link dev.switchboard.media.audio.WavWriter} (RIFF
 * WAVE files), {@link dev.switchboard.media.audio.Resampler} (linear rate conversion), {@link
 * dev.switchboard.media.audio.ToneGenerator} (sine tones) and {@link
 * dev.switchboard.media.audio.Goertzel} (is a tone present?). All stateless or immutable except
 * the writer, which is confined to one thread.
 */
package dev.switchboard.media.audio;
