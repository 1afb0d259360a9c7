package racecourse.predict;

import java.util.List;
import java.util.Locale;

/**
 * What a learner expects before an experiment runs: a number, one of several choices, or a range. Checking it
 * against the result gives an {@link Outcome} and appends it to the learner's {@link PredictionLog}. Immutable and
 * thread-safe.
 */
public sealed interface Prediction {
    /** The lesson number, such as {@code "02"}. */
    String lesson();

    /** The question, in a few words. */
    String question();

    /** A prediction of a number (in {@code unit}). */
    record Number(String lesson, String question, double value, String unit) implements Prediction {
        /** Checks the value is a finite number. */
        public Number {
            Prediction.require(lesson, question);
            if (!Double.isFinite(value)) throw new IllegalArgumentException(question + ": the prediction must be a number, not " + value);
        }

        /** Compares with the measured number, appends to the default log, and returns the outcome to show. */
        public Outcome check(double actual) {
            return check(actual, PredictionLog.standard());
        }

        /** Compares with the measured number and appends to {@code log}. */
        public Outcome check(double actual, PredictionLog log) {
            if (!Double.isFinite(actual)) throw new IllegalArgumentException(question + ": the result " + actual + " is not a number");
            double off = Math.abs(actual - value);
            boolean close = off <= 0.25 * Math.abs(actual) || off == 0;
            String how;
            if (off == 0) {
                how = "exactly right";
            } else if (value > 0 && actual > 0) {
                double factor = Math.max(value / actual, actual / value);
                how = String.format(Locale.ROOT, "%s by %s (%s, a factor of %.2f)", value > actual ? "too high" : "too low",
                        Outcome.number(off), close ? "within 25%" : "more than 25% off", factor);
            } else {
                how = (value > actual ? "too high" : "too low") + " by " + Outcome.number(off);
            }
            return log.append(new Outcome(lesson, question, "number", Outcome.number(value) + suffix(),
                    Outcome.number(actual) + suffix(), close, how, off));
        }

        private String suffix() {
            return unit == null || unit.isBlank() ? "" : " " + unit;
        }
    }

    /** A prediction that one of {@code options} will happen. */
    record Choice(String lesson, String question, String chosen, List<String> options) implements Prediction {
        /** Checks the choice is one of the options. */
        public Choice {
            Prediction.require(lesson, question);
            options = List.copyOf(options);
            if (!options.contains(chosen)) {
                throw new IllegalArgumentException(question + ": '" + chosen + "' is not one of " + options);
            }
        }

        /** Compares with the option that happened, appends to the default log, and returns the outcome. */
        public Outcome check(String actual) {
            return check(actual, PredictionLog.standard());
        }

        /** Compares with the option that happened and appends to {@code log}. */
        public Outcome check(String actual, PredictionLog log) {
            if (!options.contains(actual)) throw new IllegalArgumentException(question + ": result '" + actual + "' is not one of " + options);
            boolean right = chosen.equals(actual);
            return log.append(new Outcome(lesson, question, "choice", chosen, actual, right,
                    right ? "right" : "wrong", right ? 0 : 1));
        }
    }

    /** A prediction that the result falls between {@code low} and {@code high} (inclusive). */
    record Range(String lesson, String question, double low, double high, String unit) implements Prediction {
        /** Checks the bounds are numbers in order. */
        public Range {
            Prediction.require(lesson, question);
            if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
                throw new IllegalArgumentException(question + ": a range needs two numbers, low first; got " + low + " and " + high);
            }
        }

        /** Compares with the measured number, appends to the default log, and returns the outcome. */
        public Outcome check(double actual) {
            return check(actual, PredictionLog.standard());
        }

        /** Compares with the measured number and appends to {@code log}. */
        public Outcome check(double actual, PredictionLog log) {
            if (!Double.isFinite(actual)) throw new IllegalArgumentException(question + ": the result " + actual + " is not a number");
            double off = actual < low ? low - actual : actual > high ? actual - high : 0;
            String suffix = unit == null || unit.isBlank() ? "" : " " + unit;
            String how = off == 0 ? "inside your range" : (actual < low ? "below" : "above") + " your range by " + Outcome.number(off);
            return log.append(new Outcome(lesson, question, "range", Outcome.number(low) + "–" + Outcome.number(high) + suffix,
                    Outcome.number(actual) + suffix, off == 0, how, off));
        }
    }

    /** A number prediction. */
    static Number number(String lesson, String question, double value, String unit) {
        return new Number(lesson, question, value, unit);
    }

    /** A choice among options. */
    static Choice choice(String lesson, String question, String chosen, String... options) {
        return new Choice(lesson, question, chosen, List.of(options));
    }

    /** A range prediction. */
    static Range range(String lesson, String question, double low, double high, String unit) {
        return new Range(lesson, question, low, high, unit);
    }

    private static void require(String lesson, String question) {
        if (lesson == null || lesson.isBlank()) throw new IllegalArgumentException("a prediction needs its lesson number");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("a prediction needs its question");
    }
}
