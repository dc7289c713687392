package luohu.nlu;

import luohu.nlu.Places.Where;

import java.util.List;
import java.util.Set;

import static luohu.nlu.TokenText.endsWith;
import static luohu.nlu.TokenText.startsWith;

/**
 * Which place names of a message are facts about someone — where a hukou is ("俺户口在临清农村", "他户口在翁牛特旗农村"),
 * the village one lives in or comes from ("她在昌图农村 自己住", "俺们巴林右旗村里") — rather than the place the case is
 * about. A follow-up naming only such places stays with the place the conversation is about, and a message that names
 * another place too is about that one ("要是回赤峰市里干呢 他户口在翁牛特旗农村": 赤峰).
 */
final class ToldPlaces {
    /** Words right before a place that name it as where one would move ("迁回临清农村", "想回村里"): the case's place. */
    private static final List<String> MOVING_TO = List.of("想来", "想去", "想到", "想回", "回", "落到", "迁到", "迁回", "迁去", "迁来",
            "落在", "落回", "投靠", "去");

    private final Places places;
    private final HukouLocation hukou;
    private final Kinship kin;
    private final PhraseIndex<String> joining;
    private final List<String> village;

    ToldPlaces(Places places, HukouLocation hukou, Kinship kin, PhraseIndex<String> joining, Lexicon lexicon) {
        this.places = places;
        this.hukou = hukou;
        this.kin = kin;
        this.joining = joining;
        this.village = lexicon.villageWords();
    }

    /** Marks of {@link #marks}: a place said to be where a hukou is, and one said to be someone's village. */
    static final byte HUKOU = 1, VILLAGE = 2;

    /**
     * For each token, whether it is part of a place named as a fact about someone: {@link #VILLAGE} for one's village
     * ("她在昌图农村", "户口在临清农村": never where one settles), {@link #HUKOU} for a hukou's place in town (which may
     * be where the one joined is: "要是我户口在新疆阜康呢" of a father joining the speaker), else 0.
     */
    byte[] marks(List<Token> tokens, List<Clause> clauses) {
        byte[] out = new byte[tokens.size()];
        if (places.isEmpty() || clauses.isEmpty()) return out;
        List<PhraseIndex.Match<Where>> all = places.find(tokens);
        if (all.isEmpty()) return out;
        boolean[] isPlace = new boolean[tokens.size()];
        for (PhraseIndex.Match<Where> m : all) for (int i = m.first(); i <= m.last(); i++) isPlace[i] = true;
        Set<Clause> continuing = Clause.continuing(clauses);
        boolean joinsRelative = joinsRelative(tokens);
        for (PhraseIndex.Match<Where> m : all) {
            Clause c = Clause.of(clauses, m.first());
            // "我闺女是二连户口 能投靠她不": where the one joined is, is where one would settle
            if (joinsRelative && (c.relative() != null && c.explicit() || continuing.contains(c))) continue;
            int from = hukou.saysHukou(tokens, c, m, isPlace);
            boolean village = villageAfter(tokens, m.last()) && !movingTo(tokens, m.first());
            if (from < 0 && !village) continue;
            // "我是聊城阳谷人": the places named together with the hukou's are its too
            if (from < 0 || from > m.first()) from = m.first();
            for (int i = from; i <= m.last(); i++) if (isPlace[i] || i >= m.first()) out[i] = village ? VILLAGE : HUKOU;
        }
        return out;
    }

    /** A word of one's village right after the place, a 的 between or not ("巴林右旗村里", "昌图的农村"). */
    private boolean villageAfter(List<Token> tokens, int last) {
        int at = last + 1 < tokens.size() && tokens.get(last + 1).text().equals("的") ? last + 2 : last + 1;
        if (at >= tokens.size()) return false;
        for (String w : village) if (startsWith(tokens, at, tokens.size() - 1, w) || tokens.get(at).text().startsWith(w)) return true;
        return false;
    }

    private static boolean movingTo(List<Token> tokens, int at) {
        for (String w : MOVING_TO) if (endsWith(tokens, 0, at - 1, w)) return true;
        return false;
    }

    /** A word of joining followed by a relative or 他/她 ("投靠她", "投奔我儿子"), not by the speaker ("想投靠俺"). */
    private boolean joinsRelative(List<Token> tokens) {
        for (PhraseIndex.Match<String> j : joining.find(tokens)) {
            int next = kin.skipSelf(tokens, j.last() + 1, tokens.size() - 1);
            if (next >= tokens.size()) continue;
            if (Kinship.PRONOUNS.contains(tokens.get(next).text()) || kin.relativeAt(tokens, next, tokens.size() - 1) != null) return true;
        }
        return false;
    }
}
