package luohu.nlu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NormalizerTest {
    @Test
    void traditionalFullWidthEmojiAndSpaces() {
        assertEquals("大专毕业三年了,想在铁岭落户", Normalizer.normalise("大專畢業 三年了，想在鐵嶺落戶😀"));
        assertEquals("社保交了18个月", Normalizer.normalise("社保交了１８个月\u200b"));
        assertEquals("hello world", Normalizer.normalise("  Hello   World "));
        assertEquals("", Normalizer.normalise(null));
        assertEquals(Normalizer.MAX_CHARS, Normalizer.normalise("落".repeat(10_000)).length());
    }

    @Test
    void chineseNumerals() {
        assertEquals(3.0, ChineseNumerals.parse("三"));
        assertEquals(12.0, ChineseNumerals.parse("十二"));
        assertEquals(25.0, ChineseNumerals.parse("二十五"));
        assertEquals(2.0, ChineseNumerals.parse("两"));
        assertEquals(1.5, ChineseNumerals.parse("1.5"));
        assertNull(ChineseNumerals.parse("年"));
    }

    private static double months(String text) {
        List<Quantity> q = QuantityFinder.find(Normalizer.normalise(text));
        assertEquals(1, q.size(), text + " → " + q);
        return q.get(0).months();
    }

    @Test
    void durations() {
        assertEquals(6, months("住了半年"));
        assertEquals(18, months("社保交了一年半"));
        assertEquals(24, months("两年多了"));
        assertEquals(8, months("租了8个月"));
        assertEquals(10, months("十个月"));
        assertEquals(18, months("1.5年"));
        assertEquals(36, months("三年"));
        assertEquals(11, months("不到一年"));
    }

    @Test
    void aBareNumberAfterAPersonIsTheirAgeButNotAfterAVerb() {
        assertEquals(60, QuantityFinder.find("我妈 六十").get(0).age());
        assertEquals(85, QuantityFinder.find("我外婆八十五了").get(0).age());
        for (String measured : List.of("社保交了36", "我在铁岭住了二十 想落户")) {
            assertEquals(List.of(), QuantityFinder.find(measured).stream().filter(q -> q.age() != null).toList(), measured);
        }
    }

    @Test
    void financialNumeralsCountButTheEndOfAVeteransWordDoesNot() {
        assertEquals(36, months("叁年"));
        assertEquals(36, months("退伍三年了"), "退伍 ends in 伍, which is read as no numeral");
        assertEquals(60, months("入伍五年"));
        assertEquals(72, months("退伍六年"), "not the range 5–6");
    }

    @Test
    void agesAndYears() {
        Quantity age = QuantityFinder.find("我今年58岁").get(0);
        assertEquals(58, age.age());
        Quantity year = QuantityFinder.find("2019年毕业").get(0);
        assertEquals(2019, year.year());
        assertEquals(List.of(), QuantityFinder.find("8月份来的"), "a month of the year is not a duration");
    }
}
