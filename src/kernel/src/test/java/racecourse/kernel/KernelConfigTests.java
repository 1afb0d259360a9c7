package racecourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelConfigTests {
    @Test
    void cellsCompileAgainstTheCourseAndItsLibrariesOnly() {
        String cp = String.join(java.io.File.pathSeparator, "/lib/racecourse-kernel-1.0.jar",
                "/lib/racecourse-library-1.0.jar", "/lib/jeromq-0.6.0.jar", "/lib/tablesaw-core-0.44.4.jar",
                "/lib/icu4j-74.2.jar", "/work/classes");
        assertEquals(List.of(Path.of("/lib/racecourse-library-1.0.jar"), Path.of("/lib/tablesaw-core-0.44.4.jar"),
                Path.of("/work/classes")), KernelConfig.cellClasspath(cp));
    }
}
