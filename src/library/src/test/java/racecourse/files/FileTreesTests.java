package racecourse.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTests {
    @Test
    void deletesATreeButNotWhatALinkPointsTo(@TempDir Path tmp) throws IOException {
        Path outside = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("keep.txt"), "keep");
        Path root = Files.createDirectories(tmp.resolve("root/a/b"));
        Files.writeString(root.resolve("f.txt"), "x");
        Files.createSymbolicLink(tmp.resolve("root/link"), outside.getParent());
        FileTrees.delete(tmp.resolve("root"));
        assertFalse(Files.exists(tmp.resolve("root")));
        assertTrue(Files.exists(outside));
    }

    @Test
    void aMissingFolderIsNotAnError(@TempDir Path tmp) throws IOException {
        FileTrees.delete(tmp.resolve("none"));
        assertTrue(FileTrees.deleteQuietly(tmp.resolve("none")));
    }
}
