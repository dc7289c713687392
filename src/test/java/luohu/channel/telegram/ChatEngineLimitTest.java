package luohu.channel.telegram;

import luohu.TestAssistants;
import luohu.dialog.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** However many lanes ask at once, a limited engine runs no more turns at a time than it was given. */
class ChatEngineLimitTest {
    @Test
    void noMoreTurnsRunAtOnceThanAllowedAndEveryTurnIsAnswered() throws Exception {
        ChatEngine real = ChatEngine.of(TestAssistants.fresh());
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        ChatEngine counted = new ChatEngine.Forwarding(real) {
            @Override
            public luohu.Assistant.Answered answer(String conversation, String text) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return super.answer(conversation, text);
                } finally {
                    running.decrementAndGet();
                }
            }
        };
        ChatEngine limited = ChatEngine.limited(counted, 2);
        ExecutorService lanes = Executors.newFixedThreadPool(8);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String chat = "c" + (i % 16);
            replies.add(lanes.submit(() -> limited.answer(chat, "我在赤峰租房两年了，能落户吗").reply()));
        }
        for (Future<Reply> r : replies) assertTrue(r.get(60, TimeUnit.SECONDS).text().contains("赤峰"));
        lanes.shutdown();
        assertTrue(most.get() <= 2, "at most 2 turns at once, saw " + most.get());
        assertEquals(0, running.get());
    }
}
