// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.media.sdp;

import java.util.List;

/**
 * Writes a {@link SessionDescription} as text, each line ended by CRLF, in the order of RFC 8866
 * section 5: {@code v o s i u e p c b t r z k a}, then each {@code m=} section as {@code m i c b
 * k a}. Lines of an unknown type are written just before the attributes of their section.
 * Stateless and thread-safe.
 */
public final class SdpWriter {
  private static final String SESSION_FIELDS_BEFORE_C = "iuep";
  private static final String SESSION_FIELDS_AFTER_T = "zk";
  private static final String MEDIA_FIELDS_BEFORE_C = "i";
  private static final String MEDIA_FIELDS_AFTER_B = "k";
  private static final String SESSION_TYPES = "vosiuepcbtrzkam";
  private static final String MEDIA_TYPES = "micbka";

  private SdpWriter() {}

  /** The description as text. */
  public static String write(SessionDescription sd) {
    StringBuilder out = new StringBuilder(512);
    line(out, 'v', "0");
    line(out, 'o', sd.origin().value());
    line(out, 's', sd.sessionName());
    fields(out, sd.fields(), SESSION_FIELDS_BEFORE_C);
    sd.connection().ifPresent(c -> line(out, 'c', c.value()));
    sd.bandwidths().forEach(b -> line(out, 'b', b.text()));
    for (Timing t : sd.timings()) {
      line(out, 't', t.value());
      t.repeats().forEach(r -> line(out, 'r', r));
    }
    fields(out, sd.fields(), SESSION_FIELDS_AFTER_T);
    unknownFields(out, sd.fields(), SESSION_TYPES);
    sd.attributes().forEach(a -> line(out, 'a', a.text()));
    for (MediaDescription m : sd.media()) {
      writeMedia(out, m);
    }
    return out.toString();
  }

  private static void writeMedia(StringBuilder out, MediaDescription m) {
    StringBuilder v = new StringBuilder();
    v.append(m.media()).append(' ').append(m.port());
    m.portCount().ifPresent(n -> v.append('/').append(n));
    v.append(' ').append(m.protocol());
    m.formats().forEach(f -> v.append(' ').append(f));
    line(out, 'm', v.toString());
    fields(out, m.fields(), MEDIA_FIELDS_BEFORE_C);
    m.connections().forEach(c -> line(out, 'c', c.value()));
    m.bandwidths().forEach(b -> line(out, 'b', b.text()));
    fields(out, m.fields(), MEDIA_FIELDS_AFTER_B);
    unknownFields(out, m.fields(), MEDIA_TYPES);
    m.attributes().forEach(a -> line(out, 'a', a.text()));
  }

  /** The fields whose types are listed, grouped by type in the listed order. */
  private static void fields(StringBuilder out, List<Field> fields, String types) {
    for (int i = 0; i < types.length(); i++) {
      char type = types.charAt(i);
      for (Field f : fields) {
        if (f.type() == type) {
          line(out, type, f.value());
        }
      }
    }
  }

  /** The fields whose types the section does not define, in their order. */
  private static void unknownFields(StringBuilder out, List<Field> fields, String sectionTypes) {
    for (Field f : fields) {
      if (sectionTypes.indexOf(f.type()) < 0) {
        line(out, f.type(), f.value());
      }
    }
  }

  private static void line(StringBuilder out, char type, String value) {
    out.append(type).append('=').append(value).append("\r\n");
  }
}
