package racecourse.coursemap;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The instructor guide's one-day schedule, written from a fixed plan (which lessons and exercises go together, and
 * where the breaks fall) and the lessons' computed times, so that no start time or duration is typed by hand.
 * Immutable and thread-safe.
 */
public final class DaySchedule {
    /** Minutes given to an exercise done in class ("Each exercise takes 20–40 minutes"). */
    public static final int EXERCISE_MINUTES = 30;

    /**
     * One slot of the day: lessons taught one after the other, then (unless it is done as homework) their exercise;
     * or a pause, which has a name and no lessons.
     *
     * @param lessons lesson numbers, in order
     * @param exercises exercise names done in this slot
     * @param homework whether the exercises are left as homework (no time in the day)
     * @param extraMinutes minutes added for what {@code note} says
     * @param note what else happens in the slot, or ""
     * @param pause the pause's name ("break", "lunch"), or "" for a teaching slot
     */
    public record Slot(List<String> lessons, List<String> exercises, boolean homework, int extraMinutes, String note,
            String pause) {
        /** Copies the lists. */
        public Slot {
            lessons = List.copyOf(lessons);
            exercises = List.copyOf(exercises);
        }

        static Slot teach(List<String> lessons, List<String> exercises) {
            return new Slot(lessons, exercises, false, 0, "", "");
        }

        static Slot pause(String name, int minutes) {
            return new Slot(List.of(), List.of(), false, minutes, "", name);
        }
    }

    /** The day: set-up, the lessons in order with exercises after most of them, two breaks and lunch. */
    public static final List<Slot> PLAN = List.of(
            new Slot(List.of("00"), List.of(), false, 10, "fix set-ups with `racecourse doctor`", ""),
            Slot.teach(List.of("01"), List.of()),
            Slot.teach(List.of("02", "03"), List.of("teller")),
            Slot.pause("break", 15),
            Slot.teach(List.of("04"), List.of("bank")),
            Slot.teach(List.of("05"), List.of()),
            Slot.pause("lunch", 45),
            Slot.teach(List.of("06"), List.of("wallet")),
            Slot.teach(List.of("07"), List.of("once")),
            Slot.pause("break", 10),
            new Slot(List.of("08"), List.of(), false, 0, "learners run it on their own exercise solutions", ""),
            new Slot(List.of("09", "10"), List.of("ring", "whoami"), true, 0, "", ""));

    private DaySchedule() {
    }

    /**
     * The schedule as a Markdown table, from the plan and the lessons' times. A lesson of the plan that the course
     * lacks is left out, with its exercise ({@code CourseMapTests} checks that the plan and the course agree).
     */
    public static String table(List<Lesson> lessons) {
        Map<String, Lesson> byNumber = lessons.stream().collect(Collectors.toMap(Lesson::number, Function.identity()));
        StringBuilder out = new StringBuilder("| time | what |\n|---|---|\n");
        int clock = 0;
        for (Slot slot : PLAN) {
            if (!slot.pause().isEmpty()) {
                out.append("| ").append(time(clock)).append(" | ").append(slot.pause()).append(" |\n");
                clock += slot.extraMinutes();
                continue;
            }
            List<Lesson> taught = slot.lessons().stream().filter(byNumber::containsKey).map(byNumber::get).toList();
            if (taught.isEmpty()) continue;
            List<String> exercises = slot.exercises().stream().filter(e -> taught.stream()
                    .anyMatch(l -> l.exercise() != null && l.exercise().name().equals(e))).toList();
            int minutes = taught.stream().mapToInt(Lesson::minutes).sum();
            out.append("| ").append(time(clock)).append(" | ")
                    .append(taught.stream().map(l -> l.number() + " " + l.title().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))
                    .append(" (").append(minutes).append(" min)");
            if (!exercises.isEmpty()) {
                String names = exercises.stream().map(e -> "`" + e + "`").collect(Collectors.joining(" and "));
                if (slot.homework()) {
                    out.append("; exercise").append(exercises.size() > 1 ? "s " : " ").append(names).append(" as homework");
                } else {
                    int exercise = EXERCISE_MINUTES * exercises.size();
                    out.append(" + exercise ").append(names).append(" (").append(exercise).append(" min)");
                    minutes += exercise;
                }
            }
            if (!slot.note().isEmpty()) {
                out.append(", ").append(slot.note());
                if (slot.extraMinutes() > 0) out.append(" (").append(slot.extraMinutes()).append(" min)");
            }
            out.append(" |\n");
            clock += minutes + slot.extraMinutes();
        }
        return out.append("| ").append(time(clock)).append(" | end of the day |\n").toString();
    }

    private static String time(int minutes) {
        return minutes / 60 + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }
}
