// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.core.users;

import dev.switchboard.core.auth.DigestAlgorithm;
import dev.switchboard.core.auth.Ha1;
import dev.switchboard.core.auth.Ha1Lookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.switchboard.core.store.DataFile;
import org.h2.api.ErrorCode;

/**
 * SIP accounts in an embedded H2 database, {@code <data>/switchboard.mv.db}, stored as HA1 hashes
 * for every {@link DigestAlgorithm}; the realm is the domain. Passwords are never stored.
 *
 * <p><b>Sharing the file.</b> H2 lets one process at a time open a database file. The store holds
 * no connection between calls: each method opens the database, does its work in one transaction
 * and closes it, so the server and the {@code switchboard user} command can take turns on the same
 * data folder. A call that finds the file held by the other process retries for up to {@link
 * #LOCK_WAIT_MILLIS} before it fails with a {@link UserStoreException}. No TCP port is opened
 * ({@code AUTO_SERVER} is not used).
 *
 * <p>Bad input (an invalid name, a duplicate or unknown user, a bad CSV line, a missing data
 * folder) throws {@link IllegalArgumentException} with a one-line message; a database failure
 * throws {@link UserStoreException}. Thread-safe: there is no shared mutable state.
 */
public final class UserStore implements Ha1Lookup, AutoCloseable {
  /** How long a call waits for another process to release the database file. */
  public static final long LOCK_WAIT_MILLIS = DataFile.LOCK_WAIT_MILLIS;


  // RFC 3261 section 25.1 allows escapes in the user part; we accept any visible characters but the
  // separators that would make "user@domain" ambiguous.
  private static final Pattern USER = Pattern.compile("[^\\s\\p{Cntrl}@:,]+");
  private static final Pattern DOMAIN = Pattern.compile("[^\\s\\p{Cntrl}@,/]+");

  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS users ("
          + "username VARCHAR(255) NOT NULL, "
          + "domain VARCHAR(255) NOT NULL, "
          + "ha1_md5 VARCHAR(32) NOT NULL, "
          + "ha1_sha256 VARCHAR(64) NOT NULL, "
          + "PRIMARY KEY (username, domain))";
  // One row counting every change, so a reader can tell cheaply whether its copy is current.
  private static final String CREATE_VERSION =
      "CREATE TABLE IF NOT EXISTS user_version (version BIGINT NOT NULL)";
  private static final String INIT_VERSION =
      "INSERT INTO user_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM user_version)";
  private static final String BUMP_VERSION = "UPDATE user_version SET version = version + 1";
  private static final String READ_VERSION = "SELECT version FROM user_version";

  private static final String INSERT =
      "INSERT INTO users (username, domain, ha1_md5, ha1_sha256) VALUES (?, ?, ?, ?)";

  private static final String UPDATE =
      "UPDATE users SET ha1_md5 = ?, ha1_sha256 = ? WHERE username = ? AND domain = ?";

  /**
   * A file in the data folder rewritten after every change with the new {@link #version()}: a
   * running server watches it instead of opening the database every second.
   */
  public static final String CHANGE_MARKER = "users.version";

  private final Path dataDir;
  private final DataFile file;

  private UserStore(Path dataDir, DataFile file) {
    this.dataDir = dataDir;
    this.file = file;
  }

  /**
   * Opens the store in {@code dataDir}, creating the database and its table if missing.
   *
   * @throws IllegalArgumentException if {@code dataDir} is not an existing folder
   * @throws UserStoreException if the database cannot be opened
   */
  public static UserStore open(Path dataDir) {
    UserStore store =
        new UserStore(dataDir, new DataFile(dataDir, "user store", UserStoreException::new));
    store.file.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(CREATE);
            s.execute(CREATE_VERSION);
            s.execute(INIT_VERSION);
          }
          return null;
        });
    return store;
  }

  /**
   * Adds {@code user@domain} with {@code password}.
   *
   * @throws IllegalArgumentException for an invalid name or if the user already exists
   */
  public void add(String user, String domain, String password) {
    validate(user, domain, password);
    change(
        c -> {
          insert(c, user, domain, password);
          return null;
        });
  }

  /**
   * Removes {@code user@domain}.
   *
   * @throws IllegalArgumentException if there is no such user
   */
  public void remove(String user, String domain) {
    validate(user, domain);
    change(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM users WHERE username = ? AND domain = ?")) {
            ps.setString(1, user);
            ps.setString(2, domain);
            if (ps.executeUpdate() == 0) {
              throw noSuchUser(user, domain);
            }
          }
          return null;
        });
  }

  /**
   * Replaces the password of {@code user@domain}.
   *
   * @throws IllegalArgumentException if there is no such user
   */
  public void setPassword(String user, String domain, String password) {
    validate(user, domain, password);
    Map<DigestAlgorithm, Ha1> ha1 = Ha1.computeAll(user, domain, password);
    change(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setString(1, ha1.get(DigestAlgorithm.MD5).hex());
            ps.setString(2, ha1.get(DigestAlgorithm.SHA_256).hex());
            ps.setString(3, user);
            ps.setString(4, domain);
            if (ps.executeUpdate() == 0) {
              throw noSuchUser(user, domain);
            }
          }
          return null;
        });
  }

  /** Every user, sorted by domain, then name. */
  public List<User> list() {
    return file.inTransaction(
        c -> {
          List<User> users = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT username, domain FROM users ORDER BY domain, username")) {
            while (rs.next()) {
              users.add(new User(rs.getString(1), rs.getString(2)));
            }
          }
          return List.copyOf(users);
        });
  }

  /**
   * Adds the users of a UTF-8 CSV file, one {@code name,password[,domain]} per line; the domain
   * defaults to {@code defaultDomain}. Blank lines, lines starting with {@code #} and a first line
   * {@code name,password[,domain]} are skipped. All users are added or none: a bad line or a
   * duplicate rolls everything back.
   *
   * @return how many users were added
   * @throws IllegalArgumentException naming the line number of the first bad line
   */
  public int importCsv(Path csv, String defaultDomain) {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(defaultDomain, "defaultDomain");
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    return change(
        c -> {
          int added = 0;
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && isHeader(line))) {
              continue;
            }
            String[] fields = line.split(",", -1);
            try {
              if (fields.length < 2 || fields.length > 3) {
                throw new IllegalArgumentException("expected name,password[,domain]");
              }
              String user = fields[0].strip();
              String password = fields[1];
              String domain = fields.length == 3 ? fields[2].strip() : defaultDomain;
              validate(user, domain, password);
              insert(c, user, domain, password);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  csv.getFileName() + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            added++;
          }
          return added;
        });
  }

  @Override
  public Optional<Ha1> find(String username, String realm, DigestAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    if (username == null || realm == null) {
      return Optional.empty();
    }
    String column = algorithm == DigestAlgorithm.MD5 ? "ha1_md5" : "ha1_sha256";
    return file.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + column + " FROM users WHERE username = ? AND domain = ?")) {
            ps.setString(1, username);
            ps.setString(2, realm);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Ha1(algorithm, rs.getString(1)))
                  : Optional.<Ha1>empty();
            }
          }
        });
  }

  /** The data folder this store lives in. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * A counter that changes with every add, remove, password change and import; compare it with
   * {@link Snapshot#version()} to tell whether a copy is current.
   */
  public long version() {
    return file.inTransaction(UserStore::readVersion);
  }

  /** Every user's HA1 hashes, read in one transaction, with the version they belong to. */
  public Snapshot snapshot() {
    return file.inTransaction(
        c -> {
          long version = readVersion(c);
          Map<User, Map<DigestAlgorithm, Ha1>> hashes = new java.util.HashMap<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT username, domain, ha1_md5, ha1_sha256 FROM users")) {
            while (rs.next()) {
              hashes.put(
                  new User(rs.getString(1), rs.getString(2)),
                  Map.of(
                      DigestAlgorithm.MD5, new Ha1(DigestAlgorithm.MD5, rs.getString(3)),
                      DigestAlgorithm.SHA_256, new Ha1(DigestAlgorithm.SHA_256, rs.getString(4))));
            }
          }
          return new Snapshot(version, Map.copyOf(hashes));
        });
  }

  /**
   * Every user's hashes at one {@link #version()}.
   *
   * @param version the store's version when read
   * @param hashes per user, the HA1 for each algorithm
   */
  public record Snapshot(long version, Map<User, Map<DigestAlgorithm, Ha1>> hashes) {}

  /** Nothing to release: the store holds no connection between calls. */
  @Override
  public void close() {}

  private static void insert(Connection c, String user, String domain, String password)
      throws SQLException {
    Map<DigestAlgorithm, Ha1> ha1 = Ha1.computeAll(user, domain, password);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, user);
      ps.setString(2, domain);
      ps.setString(3, ha1.get(DigestAlgorithm.MD5).hex());
      ps.setString(4, ha1.get(DigestAlgorithm.SHA_256).hex());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
        throw new IllegalArgumentException("user " + user + "@" + domain + " already exists", e);
      }
      throw e;
    }
  }

  private static long readVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ_VERSION)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Runs a change in one transaction that also raises the version, then, once it is committed,
   * writes the new version to the {@link #CHANGE_MARKER} file for a running server to notice.
   */
  private <T> T change(DataFile.Work<T> work) {
    long[] version = new long[1];
    T result =
        file.inTransaction(
            c -> {
              T r = work.run(c);
              try (Statement s = c.createStatement()) {
                s.executeUpdate(BUMP_VERSION);
              }
              version[0] = readVersion(c);
              return r;
            });
    try {
      Files.writeString(dataDir.resolve(CHANGE_MARKER), Long.toString(version[0]));
    } catch (IOException e) {
      // The change is committed; a server running on this folder sees it at its next restart.
      throw new UserStoreException(
          "user store: changed, but " + dataDir.resolve(CHANGE_MARKER) + " could not be written ("
              + e.getMessage() + "); restart the server to pick the change up", e);
    }
    return result;
  }

  private static boolean isHeader(String line) {
    String l = line.toLowerCase(Locale.ROOT).replace(" ", "");
    return l.equals("name,password") || l.equals("name,password,domain");
  }

  private static IllegalArgumentException noSuchUser(String user, String domain) {
    return new IllegalArgumentException("user " + user + "@" + domain + " does not exist");
  }

  private static void validate(String user, String domain, String password) {
    validate(user, domain);
    Objects.requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("empty password for " + user + "@" + domain);
    }
  }

  private static void validate(String user, String domain) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(domain, "domain");
    if (!USER.matcher(user).matches()) {
      throw new IllegalArgumentException(
          "invalid user name '" + user + "' (no spaces, '@', ':' or ',')");
    }
    if (!DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("invalid domain '" + domain + "'");
    }
  }
}
