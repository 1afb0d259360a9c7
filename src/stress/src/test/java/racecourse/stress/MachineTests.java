package racecourse.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineTests {
    @Test
    void x86ModelNameIsRead() {
        assertEquals(Optional.of("AMD EPYC 7B13"), Machine.parseModel(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "model\t\t: 1", "model name\t: AMD EPYC 7B13")));
    }

    @Test
    void armWithoutModelNameIsUnknown() {
        assertEquals(Optional.empty(), Machine.parseModel(List.of("processor\t: 0", "BogoMIPS\t: 50.00",
                "CPU part\t: 0xd0c")));
        assertEquals("unknown", Machine.cpuModel(Path.of("/no/such/cpuinfo")));
    }

    @Test
    void sentenceNamesFamilyArchAndCpus() {
        Machine arm = new Machine("aarch64", "unknown", 1);
        assertTrue(arm.isArm());
        assertFalse(arm.isX86());
        assertEquals("This run is on an ARM (AArch64) machine (`os.arch` = aarch64; the operating system does not name "
                + "the processor) with 1 CPU for Java.", arm.sentence());
        assertEquals("This run is on an x86-64 machine (`os.arch` = amd64; processor: Intel Xeon) with 4 CPUs for Java.",
                new Machine("amd64", "Intel Xeon", 4).sentence());
    }
}
