// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code m=} section (RFC 8866 section 5.14) with the lines that belong to it.
 *
 * <p>Attributes are kept generic and in order (see {@link Attribute}); the accessors here read the
 * ones offer/answer needs ({@code rtpmap}, {@code fmtp}, {@code ptime}, the direction) into typed
 * values on each call. A port of 0 marks a stream rejected or disabled (RFC 3264 section 6).
 * Immutable; build one with {@link #builder(String, int, String)} or change one with {@link
 * #toBuilder()}.
 *
 * @param media the media type, e.g. {@code audio}
 * @param port the transport port, 0 when the stream is rejected
 * @param portCount the number of ports when written as {@code port/count}
 * @param protocol the transport protocol, e.g. {@code RTP/AVP}
 * @param formats the formats (for RTP, payload type numbers) in order of preference
 * @param fields the {@code i=}, {@code k=} and unknown lines of the section
 * @param connections the {@code c=} lines of the section (normally none or one)
 * @param bandwidths the {@code b=} lines of the section
 * @param attributes the {@code a=} lines of the section, in order
 */
public record MediaDescription(
    String media,
    int port,
    OptionalInt portCount,
    String protocol,
    List<String> formats,
    List<Field> fields,
    List<Connection> connections,
    List<Bandwidth> bandwidths,
    List<Attribute> attributes) {

  /** The media type of an audio stream. */
  public static final String AUDIO = "audio";

  /** The profile of plain RTP audio and video (RFC 3551). */
  public static final String RTP_AVP = "RTP/AVP";

  /** Checks the values and copies the lists. */
  public MediaDescription {
    Sdp.requireToken(media, "media");
    Sdp.requireToken(protocol, "protocol");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range 0-65535: " + port);
    }
    Objects.requireNonNull(portCount, "portCount");
    portCount.ifPresent(
        n -> {
          if (n < 1) {
            throw new IllegalArgumentException("port count must be positive: " + n);
          }
        });
    formats = List.copyOf(formats);
    formats.forEach(f -> Sdp.requireToken(f, "format"));
    fields = List.copyOf(fields);
    connections = List.copyOf(connections);
    bandwidths = List.copyOf(bandwidths);
    attributes = List.copyOf(attributes);
  }

  /** A builder for a section with the given media type, port and protocol. */
  public static Builder builder(String media, int port, String protocol) {
    return new Builder(media, port, protocol);
  }

  /** A builder holding this section's values. */
  public Builder toBuilder() {
    Builder b = new Builder(media, port, protocol);
    b.portCount = portCount;
    b.formats.addAll(formats);
    b.fields.addAll(fields);
    b.connections.addAll(connections);
    b.bandwidths.addAll(bandwidths);
    b.attributes.addAll(attributes);
    return b;
  }

  /** True when the port is 0: the stream is rejected or disabled (RFC 3264 sections 6 and 8.2). */
  public boolean isRejected() {
    return port == 0;
  }

  /** The first attribute with this name. */
  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Every attribute with this name, in order. */
  public List<Attribute> attributes(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).toList();
  }

  /** The well-formed {@code a=rtpmap} attributes, in order. */
  public List<RtpMap> rtpMaps() {
    List<RtpMap> maps = new ArrayList<>();
    for (Attribute a : attributes(RtpMap.NAME)) {
      a.value().map(RtpMap::parse).filter(r -> r.isOk()).ifPresent(r -> maps.add(r.value()));
    }
    return maps;
  }

  /** The {@code a=rtpmap} for a payload type, if the section has one. */
  public Optional<RtpMap> rtpMap(int payloadType) {
    return rtpMaps().stream().filter(m -> m.payloadType() == payloadType).findFirst();
  }

  /** The {@code a=fmtp} for a format, if the section has one. */
  public Optional<Fmtp> fmtp(String format) {
    for (Attribute a : attributes(Fmtp.NAME)) {
      if (a.value().isPresent()) {
        var f = Fmtp.parse(a.value().get());
        if (f.isOk() && f.value().format().equals(format)) {
          return Optional.of(f.value());
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code a=ptime} packet time in milliseconds (RFC 8866 section 6.4), if present. */
  public OptionalInt ptime() {
    Optional<String> v = attribute("ptime").flatMap(Attribute::value);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    int ms = Numbers.parseInt(v.get(), 1, 65535);
    return ms < 0 ? OptionalInt.empty() : OptionalInt.of(ms);
  }

  /** The direction attribute of this section, if it has one (the first wins). */
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

  /** The first {@code c=} line of this section, if it has one. */
  public Optional<Connection> connection() {
    return connections.isEmpty() ? Optional.empty() : Optional.of(connections.get(0));
  }

  /** Builds a {@link MediaDescription}; not thread-safe. */
  public static final class Builder {
    private final String media;
    private int port;
    private final String protocol;
    private OptionalInt portCount = OptionalInt.empty();
    private final List<String> formats = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();

    private Builder(String media, int port, String protocol) {
      this.media = media;
      this.port = port;
      this.protocol = protocol;
    }

    /** Sets the port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the {@code /count} after the port. */
    public Builder portCount(int count) {
      this.portCount = OptionalInt.of(count);
      return this;
    }

    /** Appends a format. */
    public Builder format(String format) {
      formats.add(format);
      return this;
    }

    /** Appends an RTP payload type to the formats. */
    public Builder format(int payloadType) {
      return format(Integer.toString(payloadType));
    }

    /** Appends an untyped line. */
    public Builder field(Field field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /** Appends a {@code c=} line. */
    public Builder connection(Connection connection) {
      connections.add(Objects.requireNonNull(connection, "connection"));
      return this;
    }

    /** Removes every {@code c=} line. */
    public Builder clearConnections() {
      connections.clear();
      return this;
    }

    /** Appends a {@code b=} line. */
    public Builder bandwidth(Bandwidth bandwidth) {
      bandwidths.add(Objects.requireNonNull(bandwidth, "bandwidth"));
      return this;
    }

    /** Appends an attribute. */
    public Builder attribute(Attribute attribute) {
      attributes.add(Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /** Appends a property attribute such as {@code rtcp-mux}. */
    public Builder attribute(String name) {
      return attribute(Attribute.property(name));
    }

    /** Appends a value attribute such as {@code ptime:20}. */
    public Builder attribute(String name, String value) {
      return attribute(Attribute.of(name, value));
    }

    /** Appends the format and its {@code a=rtpmap}. */
    public Builder rtpMap(RtpMap map) {
      format(map.payloadType());
      return attribute(map.toAttribute());
    }

    /** Replaces any direction attribute with this one, placed where the first one was. */
    public Builder direction(Direction direction) {
      Attribute attr = Attribute.property(direction.attributeName());
      int at = -1;
      for (int i = attributes.size() - 1; i >= 0; i--) {
        Attribute a = attributes.get(i);
        if (a.value().isEmpty() && Direction.fromAttribute(a.name()).isPresent()) {
          attributes.remove(i);
          at = i;
        }
      }
      if (at < 0) {
        attributes.add(attr);
      } else {
        attributes.add(at, attr);
      }
      return this;
    }

    /** The section. */
    public MediaDescription build() {
      return new MediaDescription(
          media, port, portCount, protocol, formats, fields, connections, bandwidths, attributes);
    }
  }
}
