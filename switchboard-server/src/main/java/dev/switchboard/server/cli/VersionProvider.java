// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest; "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"switchboard " + (v == null ? "development" : v)};
  }
}
