package racecourse.coursemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseMapTests {
    private static Path courseRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("notebooks"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("not inside the course: no notebooks/ above " + Path.of("").toAbsolutePath());
        return dir;
    }

    @Test
    void committedTablesAreWhatTheGeneratorWrites() throws IOException {
        Map<Path, String> stale = CourseMap.stale(courseRoot());
        assertTrue(stale.isEmpty(), "out of date (run racecourse.coursemap.CourseMap from the course root): " + stale.keySet());
    }

    @Test
    void everyLessonHasMetadataAndEveryExerciseIsListed() throws IOException {
        List<Lesson> lessons = CourseMap.read(courseRoot().resolve("notebooks"));
        assertEquals(11, lessons.size());
        long exercises;
        try (var list = Files.list(courseRoot().resolve("exercises"))) {
            exercises = list.filter(p -> p.toString().endsWith(".ipynb")).count();
        }
        assertEquals(exercises, lessons.stream().filter(l -> l.exercise() != null).count());
        String table = CourseMap.table("exercises", lessons);
        assertEquals(exercises + 2, table.lines().count(), table);
    }

    @Test
    void theDayPlanTeachesEveryLessonOnceAndEachExerciseAfterItsLesson() throws IOException {
        List<Lesson> lessons = CourseMap.read(courseRoot().resolve("notebooks"));
        List<String> planned = DaySchedule.PLAN.stream().flatMap(s -> s.lessons().stream()).toList();
        assertEquals(lessons.stream().map(Lesson::number).toList(), planned, "every lesson once, in order");
        for (DaySchedule.Slot slot : DaySchedule.PLAN) {
            for (String exercise : slot.exercises()) {
                assertTrue(lessons.stream().filter(l -> slot.lessons().contains(l.number()))
                        .anyMatch(l -> l.exercise() != null && l.exercise().name().equals(exercise)), exercise);
            }
        }
        String day = DaySchedule.table(lessons);
        int taught = lessons.stream().mapToInt(Lesson::minutes).sum();
        assertTrue(day.contains("(" + (lessons.get(4).minutes()) + " min) + exercise `bank` (30 min)"), day);
        String end = day.lines().reduce((a, b) -> b).orElseThrow();
        String[] hm = end.split("\\|")[1].strip().split(":");
        int pauses = DaySchedule.PLAN.stream().filter(s -> !s.pause().isEmpty()).mapToInt(DaySchedule.Slot::extraMinutes).sum();
        long inClass = DaySchedule.PLAN.stream().filter(s -> !s.homework()).mapToLong(s -> s.exercises().size()).sum();
        assertEquals(taught + pauses + 10 + DaySchedule.EXERCISE_MINUTES * inClass,
                Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]), "the day ends when its parts add up: " + end);
    }

    private static Path course(Path root, String meta, String intro) throws IOException {
        Files.createDirectories(root.resolve("notebooks"));
        Files.createDirectories(root.resolve("exercises"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("exercises/welcome.ipynb"), "{}");
        Files.writeString(root.resolve("notebooks/00-start.ipynb"), "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"# 00 About 5 minutes.\"]}],\"metadata\":{\"racecourse\":"
                + "{\"number\":\"00\",\"title\":\"Start\",\"summary\":\"set-up\",\"prerequisites\":[]}}}");
        Files.writeString(root.resolve("notebooks/01-races.ipynb"), "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"" + intro + "\"]}],\"metadata\":{\"racecourse\":"
                + meta + "}}");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (CourseMap.Target t : CourseMap.TARGETS) {
            files.merge(t.file(), "intro\n<!-- course-map:" + t.marker()
                    + " (generated from the notebooks' metadata by racecourse.coursemap.CourseMap; do not edit) -->\nold\n<!-- /course-map:"
                    + t.marker() + " -->\nafter\n", String::concat);
        }
        for (var f : files.entrySet()) Files.writeString(root.resolve(f.getKey()), f.getValue());
        return root;
    }

    private static final String GOOD = "{\"number\":\"01\",\"title\":\"Races\",\"summary\":\"lost updates\","
            + "\"prerequisites\":[\"00\"],\"exercise\":{\"name\":\"welcome\",\"checks\":\"a bonus paid once\"}}";

    @Test
    void theGeneratorReplacesOnlyTheMarkedTables(@TempDir Path dir) throws IOException {
        Path root = course(dir, GOOD, "About 5 minutes.");
        Map<Path, String> stale = CourseMap.stale(root);
        assertEquals(CourseMap.TARGETS.stream().map(CourseMap.Target::file).distinct().count(), stale.size());
        String map = stale.get(root.resolve("notebooks/README.md"));
        assertTrue(map.startsWith("intro\n<!-- course-map:lessons"), map);
        assertTrue(map.contains("| 01 | [Races](01-races.ipynb): lost updates | 5 min | 00 | [welcome](../exercises/welcome.ipynb) |"), map);
        assertTrue(map.contains("add up to 10 minutes") && map.endsWith("<!-- /course-map:lessons -->\nafter\n"), map);
        String instructor = stale.get(root.resolve("docs/instructor.md"));
        assertTrue(instructor.contains("| 01 | `welcome` | a bonus paid once |"), instructor);
        assertTrue(instructor.contains("| 0:00 | 00 start (5 min), fix set-ups with `racecourse doctor` (10 min) |\n"
                + "| 0:15 | 01 races (5 min) |\n"), instructor);
        String evidence = stale.get(root.resolve("docs/evidence.md"));
        assertTrue(evidence.contains("| 01 | 5 min | 3 words | 0 | 0 | — | 0 (none) | — |"), evidence);
        for (var e : stale.entrySet()) Files.writeString(e.getKey(), e.getValue());
        assertTrue(CourseMap.stale(root).isEmpty(), "a second run changes nothing");
    }

    @Test
    void contradictionsAreRefusedWithTheFileNamed(@TempDir Path dir) throws IOException {
        var minutes = assertThrows(IllegalArgumentException.class, () -> CourseMap.stale(course(dir.resolve("a"), GOOD, "About 20 minutes.")));
        assertTrue(minutes.getMessage().contains("01-races.ipynb: the first cell says about 20 minutes but its content takes about 5"),
                minutes.getMessage());
        var unstated = assertThrows(IllegalArgumentException.class, () -> CourseMap.stale(course(dir.resolve("f"), GOOD, "Races.")));
        assertTrue(unstated.getMessage().contains("must state the lesson's time as \"about 5 minutes\""), unstated.getMessage());
        var typed = assertThrows(IllegalArgumentException.class,
                () -> CourseMap.stale(course(dir.resolve("g"), GOOD.replace("\"title\"", "\"minutes\":30,\"title\""), "About 5 minutes.")));
        assertTrue(typed.getMessage().contains("\"minutes\" in the metadata is not used"), typed.getMessage());
        var prereq = assertThrows(IllegalArgumentException.class,
                () -> CourseMap.stale(course(dir.resolve("b"), GOOD.replace("[\\\"00\\\"]", "[\\\"05\\\"]").replace("[\"00\"]", "[\"05\"]"), "About 5 minutes.")));
        assertTrue(prereq.getMessage().contains("prerequisite 05 is not an earlier lesson"), prereq.getMessage());
        var exercise = assertThrows(IllegalArgumentException.class,
                () -> CourseMap.stale(course(dir.resolve("c"), GOOD.replace("\"welcome\"", "\"nosuch\""), "About 5 minutes.")));
        assertTrue(exercise.getMessage().contains("exercise nosuch has no exercises/nosuch.ipynb"), exercise.getMessage());
        var number = assertThrows(IllegalArgumentException.class,
                () -> CourseMap.stale(course(dir.resolve("d"), GOOD.replace("\"01\"", "\"02\""), "About 5 minutes.")));
        assertTrue(number.getMessage().contains("does not match the file name"), number.getMessage());
        Path noMarkers = course(dir.resolve("e"), GOOD, "About 5 minutes.");
        Files.writeString(noMarkers.resolve("README.md"), "no table here\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CourseMap.stale(noMarkers)).getMessage().contains("markers"));
    }
}
