// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.core.ServedDomains;
import dev.switchboard.core.auth.DigestAuthenticator;
import dev.switchboard.core.auth.ServerSecret;
import dev.switchboard.core.location.LocationService;
import dev.switchboard.core.registrar.Registrar;
import dev.switchboard.core.users.UserDirectory;
import dev.switchboard.core.users.UserStore;
import dev.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.time.Clock;

/**
 * The server's stateful services on its data folder: the users (read into memory and kept
 * current), the nonce secret, digest authentication and the location service. Opened before the
 * transport starts and closed after it stopped, so that every binding answered 200 is written.
 */
final class Services implements AutoCloseable {
  private final ServerConfig cfg;
  private final UserDirectory users;
  private final DigestAuthenticator authenticator;
  private final LocationService location;
  private final Clock clock;

  private Services(
      ServerConfig cfg,
      UserDirectory users,
      DigestAuthenticator authenticator,
      LocationService location,
      Clock clock) {
    this.cfg = cfg;
    this.users = users;
    this.authenticator = authenticator;
    this.location = location;
    this.clock = clock;
  }

  /** Opens every service on {@code cfg}'s data folder; on failure nothing is left open. */
  static Services open(ServerConfig cfg) throws SipServer.StartException {
    Clock clock = Clock.systemUTC();
    UserDirectory users = null;
    try {
      users = UserDirectory.open(UserStore.open(cfg.dataDir()), UserDirectory.DEFAULT_REFRESH);
      byte[] secret = ServerSecret.loadOrCreate(cfg.dataDir());
      DigestAuthenticator auth = new DigestAuthenticator(secret, users, cfg.auth(), clock);
      LocationService location = LocationService.open(cfg.dataDir(), clock);
      return new Services(cfg, users, auth, location, clock);
    } catch (IOException | RuntimeException e) {
      if (users != null) {
        users.close();
      }
      throw new SipServer.StartException("data folder " + cfg.dataDir() + ": " + e.getMessage());
    }
  }

  /** A registrar for {@code domains} over these services. */
  Registrar registrar(ServedDomains domains) {
    return new Registrar(domains, authenticator, location, cfg.registrar(), clock);
  }

  LocationService location() {
    return location;
  }

  /** The digest engine the registrar uses, shared with the proxy (one nonce secret, one lockout). */
  DigestAuthenticator authenticator() {
    return authenticator;
  }

  /** The users, kept current. */
  UserDirectory users() {
    return users;
  }

  /** Stops refreshing users and writes every pending binding change. */
  @Override
  public void close() {
    users.close();
    location.close();
  }
}
