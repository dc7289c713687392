package luohu.store;

import luohu.dialog.Session;
import luohu.policy.Excluded;
import luohu.policy.Facts;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionCodecTest {
    private static Session everyKind() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("married", true);
        facts.put("age", 35);
        facts.put("residence_months", 18.5);
        facts.put("housing", "rented");
        facts.put("employment", new Excluded(new TreeSet<>(Set.of("employed", "self_employed"))));
        return new Session("c1", "asking", "赤峰市红山区", Facts.of(facts), "labor_contract", new TreeSet<>(Set.of("age")), 4,
                1_700_000_000_000L, List.of(new Session.TurnNote(1_700_000_000_000L, "inform", "assess", "asking", -12345, List.of(678, -9))),
                "parent", List.of("own_home"), "settle");
    }

    @Test
    void writesTheRowFormat() {
        assertEquals("{\"v\":2,\"state\":\"asking\",\"place\":\"赤峰市红山区\",\"facts\":{\"age\":35,"
                        + "\"employment\":{\"excluded\":[\"employed\",\"self_employed\"]},\"housing\":\"rented\",\"married\":true,"
                        + "\"residence_months\":18.5},\"asked\":\"labor_contract\",\"declined\":[\"age\"],\"turns\":4,"
                        + "\"updated\":1700000000000,\"applicant\":\"parent\",\"focus\":[\"own_home\"],\"ask\":\"settle\","
                        + "\"recent\":[{\"at\":1700000000000,\"intent\":\"inform\",\"action\":\"assess\",\"state\":\"asking\","
                        + "\"said\":-12345,\"lines\":[678,-9]}]}",
                SessionCodec.encode(everyKind()));
    }

    @Test
    void readsBackWhatItWrites() {
        Session s = everyKind();
        Session back = SessionCodec.decode("c1", SessionCodec.encode(s));
        assertEquals(s.facts(), back.facts());
        assertEquals(SessionCodec.encode(s), SessionCodec.encode(back));
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        Session s = Session.start("c2");
        assertEquals(SessionCodec.encode(s), SessionCodec.encode(SessionCodec.decode("c2", SessionCodec.encode(s))));
        assertThrows(IllegalArgumentException.class, () -> SessionCodec.decode("c2", "[1,2]"));
    }
}
