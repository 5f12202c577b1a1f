// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transaction;

import dev.switchboard.transport.SipTransport;
import java.time.Duration;

/**
 * What every transaction of one layer shares. Immutable.
 *
 * @param transport sends requests and responses
 * @param timers schedules the lettered timers
 * @param config T1, T2, T4
 * @param tryingDelay how long an INVITE server transaction waits for the TU before sending 100
 * @param user the TU
 */
record TransactionContext(
    SipTransport transport,
    TimerService timers,
    TimerConfig config,
    Duration tryingDelay,
    TransactionUser user) {}
