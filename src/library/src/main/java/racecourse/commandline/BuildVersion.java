package racecourse.commandline;

import picocli.CommandLine.IVersionProvider;

/**
 * The version every command prints for {@code --version}: the build's {@code Implementation-Version} from the jar
 * manifest, and the Java runtime it runs on. Thread-safe (stateless).
 */
public final class BuildVersion implements IVersionProvider {
    /** The build's version, or {@code "development"} when the classes do not come from a built jar. */
    public static String version() {
        String v = BuildVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "development" : v;
    }

    /** The lines {@code --version} prints. */
    @Override
    public String[] getVersion() {
        return new String[] {"racecourse " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") at "
                    + System.getProperty("java.home")};
    }
}
