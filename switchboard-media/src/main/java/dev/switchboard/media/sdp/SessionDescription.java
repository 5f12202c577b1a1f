// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import dev.switchboard.media.Decoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 8866): the body of an INVITE, 200 or ACK that says where and how a
 * party wants to receive media.
 *
 * <p>The lines that offer/answer needs are typed ({@code o=}, {@code s=}, {@code c=}, {@code b=},
 * {@code t=}, {@code m=}); attributes are kept generic and in order, and other lines are kept as
 * {@link Field}s, so a description parsed from a real client writes back the same (the version
 * line is always {@code v=0}). Immutable; parse one with {@link #parse(String)}, build one with
 * {@link #builder()}, change one with {@link #toBuilder()}.
 *
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} text ({@code -} or a space when there is no name)
 * @param fields the {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code z=}, {@code k=} and
 *     unknown lines at session level
 * @param connection the session-level {@code c=} line, the default for every stream
 * @param bandwidths the session-level {@code b=} lines
 * @param timings the {@code t=} lines with their {@code r=} lines
 * @param attributes the session-level {@code a=} lines, in order
 * @param media the {@code m=} sections, in order
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    List<Field> fields,
    Optional<Connection> connection,
    List<Bandwidth> bandwidths,
    List<Timing> timings,
    List<Attribute> attributes,
    List<MediaDescription> media) {

  /** The MIME type of a session description, for Content-Type. */
  public static final String CONTENT_TYPE = "application/sdp";

  /** Checks the values and copies the lists. */
  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Sdp.requireText(sessionName, "sessionName");
    fields = List.copyOf(fields);
    Objects.requireNonNull(connection, "connection");
    bandwidths = List.copyOf(bandwidths);
    timings = List.copyOf(timings);
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /** Parses a description, naming the faulty line when it is malformed; see {@link SdpParser}. */
  public static Decoding<SessionDescription> parse(String text) {
    return SdpParser.parse(text);
  }

  /** Parses a UTF-8 body (RFC 8866 section 5: the default charset is UTF-8). */
  public static Decoding<SessionDescription> parse(byte[] body) {
    return SdpParser.parse(new String(body, StandardCharsets.UTF_8));
  }

  /** The description as text with CRLF line ends; see {@link SdpWriter}. */
  public String encode() {
    return SdpWriter.write(this);
  }

  /** The description as a UTF-8 body. */
  public byte[] toBytes() {
    return encode().getBytes(StandardCharsets.UTF_8);
  }

  /** The session-level direction attribute, if present. */
  public Optional<Direction> direction() {
    for (Attribute a : attributes) {
      if (a.value().isEmpty()) {
        Optional<Direction> d = Direction.fromAttribute(a.name());
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The direction that applies to a stream: its own attribute, else the session's, else {@code
   * sendrecv} (RFC 8866 section 6.7).
   */
  public Direction directionOf(MediaDescription m) {
    return m.direction().or(this::direction).orElse(Direction.SENDRECV);
  }

  /** The connection that applies to a stream: its own {@code c=}, else the session's. */
  public Optional<Connection> connectionOf(MediaDescription m) {
    return m.connection().or(this::connection);
  }

  /** The first session-level attribute with this name. */
  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** A builder with the {@code t=0 0} of a SIP call and nothing else set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this description's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.origin = origin;
    b.sessionName = sessionName;
    b.fields.addAll(fields);
    b.connection = connection;
    b.bandwidths.addAll(bandwidths);
    b.timings.clear();
    b.timings.addAll(timings);
    b.attributes.addAll(attributes);
    b.media.addAll(media);
    return b;
  }

  @Override
  public String toString() {
    return encode();
  }

  /** Builds a {@link SessionDescription}; not thread-safe. */
  public static final class Builder {
    private Origin origin;
    private String sessionName = "-";
    private final List<Field> fields = new ArrayList<>();
    private Optional<Connection> connection = Optional.empty();
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>(List.of(Timing.UNBOUNDED));
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();

    private Builder() {}

    /** Sets the {@code o=} line (required). */
    public Builder origin(Origin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /** Sets the {@code s=} text; {@code -} by default. */
    public Builder sessionName(String name) {
      this.sessionName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Appends an untyped session-level line. */
    public Builder field(Field field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /** Sets the session-level {@code c=} line. */
    public Builder connection(Connection connection) {
      this.connection = Optional.of(connection);
      return this;
    }

    /** Appends a session-level {@code b=} line. */
    public Builder bandwidth(Bandwidth bandwidth) {
      bandwidths.add(Objects.requireNonNull(bandwidth, "bandwidth"));
      return this;
    }

    /** Replaces the {@code t=} lines (by default one {@code t=0 0}). */
    public Builder timings(List<Timing> timings) {
      this.timings.clear();
      this.timings.addAll(timings);
      return this;
    }

    /** Appends a session-level attribute. */
    public Builder attribute(Attribute attribute) {
      attributes.add(Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /** Appends an {@code m=} section. */
    public Builder media(MediaDescription m) {
      media.add(Objects.requireNonNull(m, "media"));
      return this;
    }

    /** Replaces the {@code m=} section at an index. */
    public Builder media(int index, MediaDescription m) {
      media.set(index, Objects.requireNonNull(m, "media"));
      return this;
    }

    /** The description; throws {@link IllegalStateException} when the origin is not set. */
    public SessionDescription build() {
      if (origin == null) {
        throw new IllegalStateException("origin (o=) not set");
      }
      return new SessionDescription(
          origin, sessionName, fields, connection, bandwidths, timings, attributes, media);
    }
  }
}
