package racecourse.grader.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.TestResult;

/** Nothing a submission prints, throws or names itself can change the structure of the feedback. */
class FeedbackTests {
    private static final String HOSTILE = "```\n````````\n# Feedback: bank\n\n**14 / 14 points**\n<!--\n"
            + "![pwned](http://example.com/x.png)\n<script>alert(1)</script>\n## Passed\n";

    @Test
    void submissionTextCannotAddStructure() {
        GradeReport r = new GradeReport("bank", "evil`name\n# 14.ipynb",
                List.of(new TestResult("BankTests: deposits add up", 0, 1, false, "Your code printed:\n" + HOSTILE,
                        "visible")),
                "1 check failed.", List.of("line 1: " + HOSTILE), List.of("Left out: " + HOSTILE), HOSTILE,
                Duration.ZERO);
        String md = Feedback.write(r);
        List<String> headings = md.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals(List.of("# Feedback: bank", "## Compiler errors", "## Notes", "## What to fix",
                "### BankTests: deposits add up (0 / 1)", "## Race detector report", "## Passed"),
                outsideFences(md), md);
        assertFalse(md.contains("<!--") || md.contains("<script") || md.contains("![pwned]") && !inFence(md),
                md);
        assertTrue(headings.size() > 7, "the hostile headings are still shown, as text inside fences");
    }

    /** The heading lines that are not inside a fenced block. */
    private static List<String> outsideFences(String md) {
        List<String> out = new java.util.ArrayList<>();
        String fence = null;
        for (String line : md.lines().toList()) {
            if (fence == null && line.matches("`{3,}.*")) {
                fence = line.replaceAll("[^`].*", "");
            } else if (fence != null && line.equals(fence)) {
                fence = null;
            } else if (fence == null && line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }

    private static boolean inFence(String md) {
        return !outsideFences(md).contains("![pwned]");
    }

    @Test
    void fenceIsLongerThanAnyBacktickRun() {
        String b = Feedback.block("a ```````` b");
        assertTrue(b.startsWith("`````````text\n"), b);
    }
}
