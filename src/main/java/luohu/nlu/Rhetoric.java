package luohu.nlu;

import java.util.List;
import java.util.Map;

import static luohu.nlu.NegationScope.QUESTION_MARKS;

/**
 * Rhetorical frames read in a clause ("难道我没交社保吗", "我哪有合同"): where the inner statement starts, and what a
 * phrase inside one means, which is the opposite of its surface.
 */
final class Rhetoric {
    private final Lexicon lexicon;

    Rhetoric(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A rhetorical frame in a clause: the token its inner statement starts at, and whether it turns that statement round. */
    record Frame(int inner, boolean reverses) {
    }

    /**
     * The rhetorical frame of a clause whose inner statement starts first ({@link RhetoricalFrames}), or null; 不就…吗
     * keeps its statement as said, its 不 no negator.
     */
    Frame frame(List<Token> tokens, Clause c) {
        Lexicon.Rhetorical r = lexicon.negation().rhetorical();
        String t = c.text();
        boolean question = Texts.endsWithAny(t, r.questionEnds())
                || c.last() + 1 < tokens.size() && QUESTION_MARKS.contains(tokens.get(c.last() + 1).text());
        Frame at = null;
        for (RhetoricalFrames.Found f : RhetoricalFrames.in(t, r, question, true)) {
            int start = c.tokenAt(tokens, f.inner());
            if (at == null || start < at.inner()) at = new Frame(start, f.reverses());
        }
        return at;
    }

    /** What a phrase means inside a rhetorical frame: the opposite of its surface ("我能没户口吗" has a hukou). */
    Map<String, Object> meant(Lexicon.FactPhrase p, boolean negated) {
        if (negated) return p.set();
        if (p.negated() != null) return p.negated();
        return opposite(p.set());
    }

    /** The opposite of a phrase that says a no of itself (没户口 → a hukou; 没房, ruling owning out → owning). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> opposite(Map<String, Object> set) {
        if (set == null) return null;
        // a phrase that says more than one thing (外省的: neither in the province nor local) has no one opposite
        if (set.size() != 1) return null;
        Map.Entry<String, Object> e = set.entrySet().iterator().next();
        if (e.getValue() instanceof Boolean b) return Map.of(e.getKey(), !b);
        String other = lexicon.negation().rhetorical().opposites().getOrDefault(e.getKey(), Map.of()).get(String.valueOf(e.getValue()));
        if (other != null) return Map.of(e.getKey(), other);
        if (!e.getKey().equals("exclude")) return null;
        Map<String, List<String>> ruledOut = (Map<String, List<String>>) e.getValue();
        if (ruledOut.size() != 1) return null;
        Map.Entry<String, List<String>> only = ruledOut.entrySet().iterator().next();
        return only.getValue().size() == 1 ? Map.of(only.getKey(), only.getValue().get(0)) : null;
    }
}
