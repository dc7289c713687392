package luohu.dialog;

import luohu.TestAssistants;
import luohu.policy.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A focus kept in a session may hold no pathway that is still open when the next message comes. */
class KeptFocusTest {
    @Test
    void aFocusWithNothingOpenLeftStillGetsAnAnswer() {
        DialogMachine machine = TestAssistants.fresh().machine();
        Session kept = Session.start("kept").withPlace("和田市").withFacts(Facts.EMPTY.with("employment", "employee"))
                .withState("answered").withFocus(List.of("xj-investor"), "settle");
        Turn t = machine.handle(kept, "和田落户有什么条件");
        String reply = t.reply().text();
        assertFalse(reply.contains("无法读取"), reply);
        assertTrue(reply.contains("和田"), reply);
        assertTrue(reply.contains("（二（"), "the answer cites its clause: " + reply);
    }
}
