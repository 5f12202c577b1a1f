// SPDX-License-Identifier: Apache-2.0
/**
 * The registrar's location service (RFC 3261 section 10.3, RFC 5626 section 6): bindings from an
 * address of record to contacts, with their flows.
 *
 * <p>{@link dev.switchboard.core.location.LocationService} answers lookups from an in-memory index
 * and writes behind to a {@link dev.switchboard.core.location.BindingStore}; {@link
 * dev.switchboard.core.location.H2BindingStore} keeps the bindings in an H2 MVStore file of the
 * data folder so that they survive a restart. Changes are announced as {@link
 * dev.switchboard.core.location.RegistrationEvent}s. Time always comes from an injected {@link
 * java.time.Clock}.
 */
package dev.switchboard.core.location;
