package racecourse.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run happens on, as the JVM and the operating system report it: the architecture
 * ({@code os.arch}), the processor model where {@code /proc/cpuinfo} names it, and the CPUs the JVM may use.
 * Lessons build their hardware sentences from it instead of naming a machine in advance. Immutable; thread-safe.
 *
 * @param arch {@code os.arch}, e.g. {@code amd64} or {@code aarch64}
 * @param cpuModel the processor's model name, or "unknown" when the operating system does not say
 * @param cpus {@link Runtime#availableProcessors()}
 */
public record Machine(String arch, String cpuModel, int cpus) {
    /** This machine. */
    public static Machine current() {
        return new Machine(System.getProperty("os.arch", "unknown"), cpuModel(Path.of("/proc/cpuinfo")),
                Runtime.getRuntime().availableProcessors());
    }

    /** The first "model name" (x86) or "Model"/"CPU part" line of a cpuinfo file; "unknown" when there is none. */
    static String cpuModel(Path cpuinfo) {
        try {
            if (!Files.isReadable(cpuinfo)) return "unknown";
            return parseModel(Files.readAllLines(cpuinfo)).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Optional<String> parseModel(List<String> lines) {
        for (String key : List.of("model name", "Model", "Hardware")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** The architecture's family in words: x86-64, ARM (AArch64), POWER, or the raw name. */
    public String family() {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "ARM (AArch64)";
            case "ppc64", "ppc64le" -> "POWER";
            default -> arch;
        };
    }

    /** Whether the hardware is x86 (TSO: only a later load may pass an earlier store). */
    public boolean isX86() {
        return family().equals("x86-64") || arch.equals("x86") || arch.equals("i386");
    }

    /** Whether the hardware is ARMv8. */
    public boolean isArm() {
        return family().startsWith("ARM");
    }

    /** One sentence: "This run is on an x86-64 machine (`os.arch` = amd64; processor: AMD EPYC 7B13) with 2 CPUs." */
    public String sentence() {
        String model = cpuModel.equals("unknown") ? "the operating system does not name the processor"
                : "processor: " + cpuModel;
        return String.format(Locale.ROOT, "This run is on %s %s machine (`os.arch` = %s; %s) with %d CPU%s for Java.",
                article(family()), family(), arch, model, cpus, cpus == 1 ? "" : "s");
    }

    private static String article(String word) {
        return "aeiouAEIOUx".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
