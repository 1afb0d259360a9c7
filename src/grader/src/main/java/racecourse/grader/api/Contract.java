package racecourse.grader.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as the contract of an exercise class: {@code @Contract("Bank") interface BankContract}
 * says that the learner's {@code Bank} must have every method of the interface (same name and parameter types).
 * The learner's class does not implement the interface; {@link Subject} bridges the two.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contract {
    /** The simple name of the learner's class. */
    String value();
}
