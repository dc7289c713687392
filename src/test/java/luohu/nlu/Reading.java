package luohu.nlu;

import luohu.TestAssistants;

/** One message read by a fresh assistant's understander, with no question pending, as the reading tests ask of it. */
final class Reading {
    private static final Understander UNDERSTANDER = TestAssistants.fresh().machine().understander();

    private Reading() {
    }

    static Understanding read(String text) {
        return UNDERSTANDER.understand(text, null);
    }

    static Object fact(String text, String id) {
        return read(text).facts().get(id).orElse(null);
    }
}
