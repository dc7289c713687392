package luohu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReloadTest {
    @Test
    void reloadingPoliciesEmptiesTheCache() {
        Assistant a = TestAssistants.fresh();
        a.reply("q1", "居住证住多久可以办");
        a.reply("q2", "居住证住多久可以办");
        assertEquals(1, a.cache().hits());
        assertEquals(1, a.cache().misses());
        a.reload(TestAssistants.model(), TestAssistants.dialogs());
        assertEquals(0, a.cache().hits() + a.cache().misses());
        assertTrue(a.reply("q3", "居住证住多久可以办").text().contains("居住证"));
        assertEquals(1, a.cache().misses(), "answered anew after the reload");
    }
}
