// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server;

import dev.switchboard.transport.ListenPoint;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names by which clients reach the default domain when none is configured: what a client on
 * this host or its network would write after the {@code @}: the host name and the addresses the
 * server listens on (every interface address for a wildcard listener).
 */
final class DefaultDomains {
  private DefaultDomains() {}

  static List<String> of(List<ListenPoint> listening) {
    Set<String> out = new LinkedHashSet<>();
    try {
      out.add(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      // A host whose name does not resolve: its addresses still identify it.
    }
    for (ListenPoint p : listening) {
      InetAddress a = p.address().getAddress();
      if (a.isAnyLocalAddress()) {
        out.addAll(interfaceAddresses());
      } else {
        out.add(a.getHostAddress());
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> interfaceAddresses() {
    List<String> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (!a.isLinkLocalAddress()) {
            String text = a.getHostAddress();
            int zone = text.indexOf('%');
            out.add(zone < 0 ? text : text.substring(0, zone));
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: the host name and localhost remain.
    }
    return out;
  }
}
