package racecourse.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * How busy the machine was: the one-minute load average and how many other processes were runnable, read from
 * {@code /proc} where there is one (Linux), from the JVM's load average elsewhere, or unknown. Immutable and
 * thread-safe.
 *
 * @param loadAverage the one-minute load average, if known
 * @param otherBusy processes other than this one (and its children) that were runnable, if known
 */
public record MachineLoad(OptionalDouble loadAverage, OptionalInt otherBusy) {
    /** Nothing known. */
    public static final MachineLoad UNKNOWN = new MachineLoad(OptionalDouble.empty(), OptionalInt.empty());

    /** Reads the load now from {@code proc} (normally {@code /proc}). */
    public static MachineLoad read(Path proc) {
        OptionalDouble load = OptionalDouble.empty();
        try {
            String[] fields = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
            load = OptionalDouble.of(Double.parseDouble(fields[0]));
        } catch (IOException | RuntimeException e) {
            double jvm = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (jvm >= 0) load = OptionalDouble.of(jvm);
        }
        return new MachineLoad(load, countRunnable(proc));
    }

    /** Reads the load now from {@code /proc}, degrading to what the JVM knows elsewhere. */
    public static MachineLoad now() {
        return read(Path.of("/proc"));
    }

    private static OptionalInt countRunnable(Path proc) {
        long self = ProcessHandle.current().pid();
        if (!Files.isDirectory(proc)) return OptionalInt.empty();
        try (Stream<Path> entries = Files.list(proc)) {
            int busy = 0;
            boolean any = false;
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    any = true;
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(rest[1]);
                    if (rest[0].equals("R") && pid != self && parent != self) busy++;
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked: it is not busy
                }
            }
            return any ? OptionalInt.of(busy) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The busier of two readings, field by field. */
    public MachineLoad max(MachineLoad other) {
        OptionalDouble load = loadAverage.isEmpty() ? other.loadAverage : other.loadAverage.isEmpty() ? loadAverage
                : OptionalDouble.of(Math.max(loadAverage.getAsDouble(), other.loadAverage.getAsDouble()));
        OptionalInt busy = otherBusy.isEmpty() ? other.otherBusy : other.otherBusy.isEmpty() ? otherBusy
                : OptionalInt.of(Math.max(otherBusy.getAsInt(), other.otherBusy.getAsInt()));
        return new MachineLoad(load, busy);
    }

    /** The load in words: "3 other processes were busy (load average 2.41)", or what is known of it. */
    public String words() {
        String busy = otherBusy.isPresent()
                ? otherBusy.getAsInt() + " other process" + (otherBusy.getAsInt() == 1 ? " was" : "es were") + " busy"
                : "the number of other busy processes is unknown here";
        String load = loadAverage.isPresent()
                ? String.format(java.util.Locale.ROOT, "load average %.2f", loadAverage.getAsDouble())
                : "load average unknown";
        return busy + " (" + load + ")";
    }
}
