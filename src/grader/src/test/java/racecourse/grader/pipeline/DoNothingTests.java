package racecourse.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import racecourse.grader.TestCourse;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Feedback;
import racecourse.grader.format.Notebook;
import racecourse.grader.format.Regions;
import racecourse.grader.release.Release;
import racecourse.grader.step.CompileJava;
import racecourse.grader.step.DetectorRaceCheck;
import racecourse.grader.step.ExtractSolution;

/**
 * A do-nothing implementation of each exercise's contract scores zero: every check must demand real work. The
 * do-nothing class is made from the released stub, each {@code throw} of the stub replaced by the default value of
 * its method's return type (nothing for constructors and void methods). One grading per exercise.
 */
class DoNothingTests {
    private static final Course COURSE = TestCourse.course();
    private static final Grader GRADER = new Grader(new DetectorRaceCheck(COURSE.root()));

    @TestFactory
    Stream<DynamicTest> doNothingScoresZero() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : COURSE.exerciseNames()) {
            Exercise ex = COURSE.exercise(name);
            tests.add(DynamicTest.dynamicTest(name + ": a do-nothing implementation scores zero", () -> {
                Notebook nb = doNothing(ex);
                GradeReport r = GRADER.grade(ex, nb, "do-nothing.ipynb");
                assertTrue(r.compileErrors().isEmpty(), () -> "the do-nothing class must compile: "
                        + r.compileErrors());
                assertEquals(0, r.score(), 1e-9, () -> Feedback.write(r));
                assertFalse(r.fullScore());
            }));
        }
        return tests.stream();
    }

    /** The released notebook with each stub {@code throw} replaced by a default return. */
    static Notebook doNothing(Exercise ex) throws IOException {
        Notebook nb = ex.readNotebook();
        nb.setCells(Release.studentCells(nb, ex.name()));
        Set<String> ids = Set.of(ex.name());
        int cells = 0;
        for (Notebook.Cell c : nb.cells()) {
            if (c.isSolution() && ids.contains(c.gradeId())) {
                cells++;
            }
        }
        assertEquals(1, cells, "one solution cell");
        ExtractSolution.Extracted unit = ExtractSolution.extract(nb, ids, ex.className());
        for (Notebook.Cell c : nb.cells()) {
            if (c.isSolution() && ids.contains(c.gradeId())) {
                c.setSource(replaceThrows(c.source(), ex.className(), unit));
            }
        }
        return nb;
    }

    private static String replaceThrows(String cell, String className, ExtractSolution.Extracted unit) {
        CompileJava.Output out = CompileJava.compile(Map.of(className + ".java", unit.unit()), "");
        assertTrue(out.ok(), "the stub must compile: " + out.errors());
        Map<Integer, String> defaults = new HashMap<>();
        for (byte[] bytes : out.classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    String value = name.equals("<init>") ? ";" : switch (Type.getReturnType(descriptor).getSort()) {
                        case Type.VOID -> ";";
                        case Type.BOOLEAN -> "return false;";
                        case Type.OBJECT, Type.ARRAY -> "return null;";
                        default -> "return 0;";
                    };
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            defaults.putIfAbsent(line - unit.headerLines(), value);
                        }
                    };
                }
            }, 0);
        }
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(Regions.STUB)) {
                String value = defaults.get(i + 1);
                assertTrue(value != null, "no method found for stub line " + (i + 1));
                lines[i] = lines[i].replace(Regions.STUB, value);
            }
        }
        return String.join("\n", lines);
    }
}
