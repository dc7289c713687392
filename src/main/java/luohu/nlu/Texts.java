package luohu.nlu;

import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/** Small questions asked of a text many times a message, answered without streams or iterators. */
final class Texts {
    private Texts() {
    }

    /** Whether the text contains one of the words. */
    static boolean containsAny(String text, Collection<String> words) {
        if (words instanceof List<String> list && words instanceof RandomAccess) {
            for (int i = 0; i < list.size(); i++) if (text.contains(list.get(i))) return true;
            return false;
        }
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    /** Whether the text starts with one of the words. */
    static boolean startsWithAny(String text, List<String> words) {
        return startsWithAnyAt(text, 0, words);
    }

    /** Whether one of the words starts at {@code at} in the text, without cutting the text there. */
    static boolean startsWithAnyAt(String text, int at, List<String> words) {
        for (int i = 0; i < words.size(); i++) if (text.startsWith(words.get(i), at)) return true;
        return false;
    }

    /** Whether the text ends with one of the words (a builder's text read as it stands, without copying it). */
    static boolean endsWithAny(CharSequence text, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int from = text.length() - w.length();
            if (from < 0) continue;
            boolean same = true;
            for (int k = 0; k < w.length() && same; k++) same = text.charAt(from + k) == w.charAt(k);
            if (same) return true;
        }
        return false;
    }
}
