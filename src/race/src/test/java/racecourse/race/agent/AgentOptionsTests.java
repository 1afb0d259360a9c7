package racecourse.race.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of the agent's option string. */
class AgentOptionsTests {
    @Test
    void noOptionsMeansDormant() {
        AgentOptions o = AgentOptions.parse(null);
        assertFalse(o.on());
        assertEquals(AgentOptions.DEFAULT_MAX, o.max());
        assertFalse(AgentOptions.parse("").on());
    }

    @Test
    void aReportFileTurnsTrackingOn() {
        AgentOptions o = AgentOptions.parse("json=/tmp/r.json,text=/tmp/r.txt,max=7,exclude=a.b.;c.");
        assertTrue(o.on());
        assertEquals(Path.of("/tmp/r.json"), o.json());
        assertEquals(Path.of("/tmp/r.txt"), o.text());
        assertEquals(7, o.max());
        assertEquals(List.of("a.b.", "c."), o.exclude());
    }

    @Test
    void anUnknownOptionIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("jsn=x"));
        assertTrue(e.getMessage().contains("jsn"), e.getMessage());
    }
}
