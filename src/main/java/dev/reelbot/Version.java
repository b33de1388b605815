package dev.reelbot;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version when packaged. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"reelbot " + (version == null ? "(development build)" : version)};
    }
}
