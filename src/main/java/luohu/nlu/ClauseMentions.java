package luohu.nlu;

import java.util.List;
import java.util.Set;

import static luohu.nlu.TokenText.text;

/** What the fact phrases mentioned in a clause say of it: that it states a fact, or that someone would settle. */
final class ClauseMentions {
    private ClauseMentions() {
    }

    /** Facts that say only what kind of hukou one holds and where. */
    static final Set<String> HUKOU_KIND = Set.of("rural_hukou", "local_hukou", "hukou_in_province", "hukou_in_city");

    /** The clause states a fact of the applicant's kind. */
    static boolean clauseHasFact(Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        return clauseHasFact(c, mentions, Set.of());
    }

    /** The clause states a fact of the applicant's kind, phrases that set only facts among {@code besides} left out. */
    static boolean clauseHasFact(Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions, Set<String> besides) {
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
            if (m.first() < c.first() || m.last() > c.last()) continue;
            for (Lexicon.FactPhrase p : m.values()) {
                // (a family's staying behind, told by a spouse or a child, is no fact of theirs: "我老婆在老家种地")
                if (!p.cueOnly() && !p.ofFamily() && p.set() != null && !p.set().isEmpty() && !p.set().containsKey("local_relative") && !p.set().containsKey("exclude")
                        && !besides.containsAll(p.set().keySet())) return true;
            }
        }
        return false;
    }

    /** The clause says someone wants to settle (想落户), not asks whether one can: a phrase that needs no 我. */
    static boolean wanting(List<Token> tokens, Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        return settles(tokens, c, mentions, true);
    }

    /** The clause says someone wants or asks to settle: a local_hukou phrase with 想/能… before it in the clause. */
    static boolean settling(List<Token> tokens, Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        return settles(tokens, c, mentions, false);
    }

    /**
     * A local_hukou phrase of the clause with the words it needs before it (想, 能…); with {@code needingNoSelf}, only
     * phrases that need no 我.
     */
    private static boolean settles(List<Token> tokens, Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions, boolean needingNoSelf) {
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
            if (m.first() < c.first() || m.last() > c.last()) continue;
            String before = text(tokens, c.first(), m.first() - 1);
            for (Lexicon.FactPhrase p : m.values()) {
                if (p.set() == null || !Boolean.FALSE.equals(p.set().get("local_hukou")) || p.needsBefore() == null || needingNoSelf && p.needsSelf()) continue;
                if (Texts.containsAny(before, p.needsBefore())) return true;
            }
        }
        return false;
    }
}
