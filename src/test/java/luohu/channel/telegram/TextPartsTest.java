package luohu.channel.telegram;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escaping, splitting and callback data: the pieces a message is made of. */
class TextPartsTest {

    @Test
    void htmlEscapingCoversTheThreeCharactersTelegramReads() {
        assertEquals("a &lt;b&gt; &amp;amp; “引号” 'x'", HtmlEscaper.escape("a <b> &amp; “引号” 'x'"));
    }

    @Test
    void shortTextIsOnePiece() {
        assertEquals(List.of("您好"), MessageSplitter.split("  您好\n"));
        assertEquals(List.of(), MessageSplitter.split("  \n "));
    }

    @Test
    void longTextIsCutAtParagraphsInOrder() {
        String p1 = "一".repeat(30), p2 = "二".repeat(30), p3 = "三".repeat(30);
        List<String> parts = MessageSplitter.split(p1 + "\n\n" + p2 + "\n\n" + p3, 70);
        assertEquals(List.of(p1 + "\n\n" + p2, p3), parts);
    }

    @Test
    void aParagraphTooLongIsCutAtLinesThenSentencesThenAnywhere() {
        String lines = "甲".repeat(8) + "\n" + "乙".repeat(8);
        assertEquals(List.of("甲".repeat(8), "乙".repeat(8)), MessageSplitter.split(lines, 10));
        String sentences = "这是第一句。这是第二句。";
        assertEquals(List.of("这是第一句。", "这是第二句。"), MessageSplitter.split(sentences, 8));
        String none = "字".repeat(25);
        assertEquals(List.of("字".repeat(10), "字".repeat(10), "字".repeat(5)), MessageSplitter.split(none, 10));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        String emoji = "😀".repeat(5); // 10 chars
        for (String part : MessageSplitter.split(emoji, 3)) {
            assertTrue(!Character.isHighSurrogate(part.charAt(part.length() - 1)), part);
        }
        assertEquals(emoji, String.join("", MessageSplitter.split(emoji, 3)));
    }

    @Test
    void everyPieceFitsTelegramsLimitAndNothingIsLost() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) sb.append("第").append(i).append("条：").append("材料".repeat(i % 50)).append(i % 7 == 0 ? "\n\n" : "\n");
        String text = sb.toString().strip();
        List<String> parts = MessageSplitter.split(text);
        assertTrue(parts.size() > 1);
        for (String p : parts) assertTrue(p.length() <= MessageSplitter.TELEGRAM_LIMIT);
        assertEquals(text.replaceAll("\\s", ""), String.join("", parts).replaceAll("\\s", ""));
    }

    @Test
    void callbackDataFitsIn64BytesWhateverTheOption() {
        CallbackCodec codec = new CallbackCodec();
        for (String option : List.of("是", "自己的房子", "直接告诉我结果", "新疆维吾尔自治区", "我".repeat(20), "我".repeat(21),
                "a very long option ".repeat(20), "😀".repeat(40))) {
            String data = codec.encode(option);
            assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= CallbackCodec.MAX_BYTES, option + " -> " + data);
            assertEquals(option, codec.decode(data).orElseThrow());
        }
        assertTrue(codec.decode("h:unknown").isEmpty());
        assertTrue(codec.decode("rubbish").isEmpty());
        assertTrue(codec.decode(null).isEmpty());
    }

    @Test
    void aShortOptionResolvesInAnotherProcessToo() {
        String data = new CallbackCodec().encode("办了备案");
        assertEquals("办了备案", new CallbackCodec().decode(data).orElseThrow());
    }
}
