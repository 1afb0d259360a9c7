package racecourse.race.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The agent's class file transformer: instruments every class that is neither the JDK's (bootstrap or
 * platform loader) nor excluded. A class that cannot be instrumented is loaded unchanged, with a warning.
 * Thread-safe: stateless apart from the immutable exclusions.
 */
public final class RaceTransformer implements ClassFileTransformer {
    private final Exclusions exclusions;
    private final SourceExclusions sources;
    private final boolean verbose;

    /** Creates a transformer that excludes by name only. */
    public RaceTransformer(Exclusions exclusions, boolean verbose) {
        this(exclusions, new SourceExclusions(java.util.List.of()), verbose);
    }

    /** Creates a transformer that excludes by name and by where a class was loaded from. */
    public RaceTransformer(Exclusions exclusions, SourceExclusions sources, boolean verbose) {
        this.exclusions = exclusions;
        this.sources = sources;
        this.verbose = verbose;
    }

    /** Returns whether classes of this loader and name are instrumented (where they come from aside). */
    public boolean instruments(ClassLoader loader, String className) {
        return className != null && loader != null && loader != ClassLoader.getPlatformClassLoader()
                && !exclusions.excludes(className);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (!instruments(loader, className) || sources.excludes(domain)) {
            return null;
        }
        try {
            byte[] out = new ClassInstrumenter(loader, redefined == null).instrument(classFile);
            if (verbose && out != null) {
                System.err.println("race detector: instrumented " + className);
            }
            return out;
        } catch (Throwable e) {
            System.err.println("race detector: cannot instrument " + className + " (" + e + "); it is not tracked");
            return null;
        }
    }
}
