package luohu.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Picks the intent of a message from the lexicon's cues, tried in the lexicon's order. */
public final class IntentClassifier {
    private final List<Lexicon.IntentCue> cues;

    public IntentClassifier(Lexicon lexicon) {
        this.cues = lexicon.intents();
        for (Lexicon.IntentCue c : cues) Intent.parse(c.id()); // an unknown id fails at start, not on a message
    }

    /**
     * @param places the number of different documents the message names
     * @return the first intent whose cues match, or null
     */
    Intent classify(Scan scan, int places) {
        String text = scan.text;
        int length = Normalizer.bare(text).length();
        if (!text.isEmpty() && text.chars().allMatch(c -> c == '?')) return Intent.HELP; // "？？？": the user is lost
        for (Lexicon.IntentCue c : cues) {
            if (c.short_() && length > 12) continue;
            if (c.maxLength() > 0 && length > c.maxLength()) continue;
            if (c.places() > 0 && places < c.places()) continue;
            if (c.notWith() != null && Texts.containsAny(text, c.notWith())) continue;
            if (scan.matches(c)) return Intent.parse(c.id());
        }
        return null;
    }

    /**
     * A word of one character must be a whole token (么 is not in 什么); a Latin word must stand alone (hi is not in
     * this); longer Chinese words may occur anywhere.
     */
    static boolean occurs(String w, String text, List<Token> tokens) {
        if (w.length() == 1) {
            for (Token t : tokens) if (t.text().equals(w)) return true;
            return false;
        }
        if (isLatin(w.charAt(0))) {
            // standing alone: no lower-case letter right before or after it
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                int end = i + w.length();
                if ((i == 0 || !isLower(text.charAt(i - 1))) && (end == text.length() || !isLower(text.charAt(end)))) return true;
            }
            return false;
        }
        return text.contains(w);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * The keys whose words occur in the text, the one named last first (the question usually comes at the end); an
     * occurrence {@code skip} refuses does not count; ties keep the map's order.
     */
    static List<String> byLastOccurrence(Map<String, List<String>> words, Scan scan, java.util.function.IntPredicate skip) {
        Map<String, Integer> last = new java.util.LinkedHashMap<>();
        words.forEach((key, ws) -> {
            if (!scan.any(ws)) return;
            int at = -1;
            for (String w : ws) at = Math.max(at, scan.lastIndexOf(w, skip));
            if (at >= 0) last.put(key, at);
        });
        List<String> out = new ArrayList<>(last.keySet());
        out.sort((x, y) -> Integer.compare(last.get(y), last.get(x)));
        return out;
    }

    static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Every word of the lexicon's intents, for the segmenter. */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        for (Lexicon.IntentCue c : cues) {
            if (c.words() != null) out.addAll(c.words());
            if (c.all() != null) c.all().forEach(out::addAll);
        }
        return out;
    }
}
