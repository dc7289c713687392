package luohu;

import luohu.dialog.Turn;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer cache of general questions never changes what a chat is told or keeps. */
class AnswerCacheTest {
    private static final String[] STATING = {
            "我在赤峰租房，居住证怎么办理", "我有营业执照，居住证怎么办", "我租房满一年了，需要居住证吗",
            "我在聊城买了房，需要居住证吗", "我30岁，居住证怎么办理", "我老婆是铁岭户口，文件出处是哪"};

    @Test
    void aGeneralQuestionStatingFactsKeepsThemInEveryChatThatAsksIt() {
        Assistant a = TestAssistants.fresh();
        for (String m : STATING) {
            Turn first = a.turn("first-" + m, m);
            Map<String, Object> facts = first.session().facts().asMap();
            assertTrue(!facts.isEmpty() || first.session().applicant() != null, "the message states something: " + m);
            for (int i = 0; i < 3; i++) {
                Turn later = a.turn("later-" + i + "-" + m, m);
                assertEquals(facts, later.session().facts().asMap(), m);
                assertEquals(first.session().place(), later.session().place(), m);
                assertEquals(first.reply(), later.reply(), m);
            }
        }
    }

    @Test
    void aGeneralQuestionStatingNothingIsStillAnsweredFromTheCache() {
        Assistant a = TestAssistants.fresh();
        Turn first = a.turn("a", "居住证怎么办理");
        Turn second = a.turn("b", "居住证怎么办理");
        assertEquals(first.reply(), second.reply());
        assertTrue(a.cache().hits() >= 1, "hits " + a.cache().hits());
    }
}
