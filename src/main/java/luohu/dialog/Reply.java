package luohu.dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user sees for one message: the text and the quick-reply options.
 *
 * @param options  the labels of the quick replies, as shown
 * @param payloads for each option, what pressing it sends back: an id the dialog reads without understanding words
 *                 ({@link ButtonPayload}), or the label itself where typing it is what the option means
 */
public record Reply(String text, List<String> options, List<String> payloads) {
    public Reply {
        options = List.copyOf(options);
        payloads = payloads == null || payloads.size() != options.size() ? List.copyOf(options) : List.copyOf(payloads);
    }

    public Reply(String text, List<String> options) {
        this(text, options, null);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of());
    }

    /** The same reply with the text put before it. */
    public Reply after(String prefix) {
        return new Reply(prefix + text, options, payloads);
    }

    /** Options with their payloads, built one at a time. */
    public static final class Options {
        private final List<String> labels = new ArrayList<>();
        private final List<String> payloads = new ArrayList<>();

        public Options add(String label, String payload) {
            labels.add(label);
            payloads.add(payload == null ? label : payload);
            return this;
        }

        public Reply reply(String text) {
            return new Reply(text, labels, payloads);
        }
    }
}
