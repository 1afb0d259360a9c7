package racecourse.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * The kernel's JVM starts with an eden that holds most of what start-up allocates, so that on a machine of 8 GB or
 * more a collection seldom pauses the first cell. Start-up (JShell, its imports, the warm-up and a first cell)
 * allocated 103 MB before its first collection on the course's 2-core test machine; with the JVM's default heap an
 * 8 GB machine collected once or twice before the first result, and with this one once in four starts.
 */
class KernelHeapTests {
    private static final long START_UP_ALLOCATION = 110L << 20;

    private static Map<String, Long> flags(String maxRam) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(KernelInstaller.JVM_OPTIONS);
        command.addAll(List.of("-XX:MaxRAM=" + maxRam, "-XX:+PrintFlagsFinal", "-version"));
        ProcessResult result = ProcessRunner.of(command).timeout(Duration.ofMinutes(2)).run().orThrow();
        Map<String, Long> values = new HashMap<>();
        for (String line : result.out().lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[2].equals("=") && f[3].matches("\\d{1,18}")) values.put(f[1], Long.parseLong(f[3]));
        }
        return values;
    }

    @ParameterizedTest(name = "a machine with {0} of memory")
    @ValueSource(strings = {"8g", "16g", "24g"})
    void edenHoldsWhatStartUpAllocates(String maxRam) {
        Map<String, Long> f = flags(maxRam);
        long young = f.get("NewSize");
        long survivorRatio = f.get("SurvivorRatio");
        long eden = young * survivorRatio / (survivorRatio + 2);
        assertTrue(eden >= START_UP_ALLOCATION, () -> "eden " + (eden >> 20) + " MB at start, start-up allocates "
                + (START_UP_ALLOCATION >> 20) + " MB: a collection would pause the first cell");
    }
}
