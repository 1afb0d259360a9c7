package racecourse.jmm;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One final state of a litmus test: every register's value and every shared variable's final value.
 * Immutable; thread-safe.
 */
public record Outcome(SortedMap<String, Integer> registers, SortedMap<String, Integer> finals) {
    /** Copies the maps so the outcome cannot change. */
    public Outcome {
        registers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(registers));
        finals = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(finals));
    }

    /**
     * A hash that spreads outcomes well: the maps' own hash adds up small numbers and collides heavily when
     * tests have many registers.
     */
    @Override
    public int hashCode() {
        return 31 * java.util.List.copyOf(registers.values()).hashCode() + java.util.List.copyOf(finals.values()).hashCode()
                + registers.keySet().hashCode();
    }

    /** Equal when every register and final value is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && registers.equals(other.registers) && finals.equals(other.finals);
    }

    /** The value of a register or, failing that, a variable's final value; null when neither exists. */
    public Integer value(String name) {
        Integer v = registers.get(name);
        return v != null ? v : finals.get(name);
    }

    /** Registers then final values, e.g. {@code r0=0 r1=1 | x=1 y=1}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : registers.entrySet()) {
            if (!out.isEmpty()) out.append(' ');
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        if (!finals.isEmpty()) {
            out.append(out.isEmpty() ? "" : " | ");
            boolean first = true;
            for (Map.Entry<String, Integer> e : finals.entrySet()) {
                if (!first) out.append(' ');
                first = false;
                out.append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return out.toString();
    }
}
