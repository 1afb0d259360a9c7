package racecourse.grader.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import racecourse.grader.exercise.Course;
import racecourse.grader.gradescope.Bundle;

/**
 * The GitHub Classroom workflow of a student repository ({@code .github/workflows/classroom.yml}): on every push it
 * grades each exercise notebook with the checks the release contains (visible tests and code rules; hidden tests
 * never enter a student repository), one all-or-nothing Classroom test per exercise, passed at full marks of those
 * checks. The grader's jars go to {@code .racecourse/lib}. Thread-safe (stateless).
 */
public final class ClassroomWorkflow {
    /** Where the workflow lives in the student repository. */
    public static final String PATH = ".github/workflows/classroom.yml";
    /** Where the grader's jars go in the student repository. */
    public static final String LIB = ".racecourse/lib";

    private ClassroomWorkflow() {
    }

    /** The shell command that grades one exercise in the student repository; exit status 0 at full marks. */
    public static String command(String exercise) {
        return "java --enable-preview -cp '" + LIB + "/*' racecourse.grader.cli.GraderMain " + exercise
                + " exercises/" + exercise + ".ipynb --course .";
    }

    /** Writes the workflow and the grader's jars into the release folder {@code target}. */
    public static void write(Course course, Path target) throws IOException {
        Bundle.copyGraderJars(target.resolve(LIB));
        Path file = target.resolve(PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml(course.exerciseNames()), StandardCharsets.UTF_8);
    }

    /** The workflow text for these exercises. */
    static String yaml(List<String> exercises) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Quick feedback on every push: each exercise graded with the checks in this repository (visible
                # tests and code rules). The final grade comes from the instructor's grader, with hidden tests.
                name: Autograding Tests
                on: [push, repository_dispatch]
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    runs-on: ubuntu-latest
                    if: github.actor != 'github-classroom[bot]'
                    steps:
                      - name: Checkout code
                        uses: actions/checkout@v4
                      - name: Set up JDK 25
                        uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: '25'
                """);
        StringBuilder env = new StringBuilder();
        for (String e : exercises) {
            String id = e.replaceAll("[^a-zA-Z0-9]", "-");
            out.append("      - name: ").append(e).append('\n')
                    .append("        id: ").append(id).append('\n')
                    .append("        uses: education/autograding-command-grader@v1\n")
                    .append("        with:\n")
                    .append("          test-name: ").append(e).append('\n')
                    .append("          setup-command: ''\n")
                    .append("          command: \"").append(command(e)).append("\"\n")
                    .append("          timeout: 10\n")
                    .append("          max-score: 1\n");
            env.append("          ").append(id.toUpperCase().replace('-', '_')).append("_RESULTS: \"${{steps.")
                    .append(id).append(".outputs.result}}\"\n");
        }
        out.append("      - name: Autograding Reporter\n")
                .append("        uses: education/autograding-grading-reporter@v1\n")
                .append("        env:\n").append(env)
                .append("        with:\n")
                .append("          runners: ").append(String.join(",", exercises.stream()
                        .map(e -> e.replaceAll("[^a-zA-Z0-9]", "-")).toList())).append('\n');
        return out.toString();
    }
}
