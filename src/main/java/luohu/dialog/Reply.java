package luohu.dialog;

import java.util.List;

/** What the user sees for one message: the text and the quick-reply options. */
public record Reply(String text, List<String> options) {
    public Reply {
        options = List.copyOf(options);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of());
    }
}
