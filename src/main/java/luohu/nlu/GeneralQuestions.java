package luohu.nlu;

import java.util.List;

import static luohu.nlu.Clause.textOf;
import static luohu.nlu.TokenText.text;

/** What is said of no one's case: a question about the rules, a kind of people asked about, a what-if. */
final class GeneralQuestions {
    private final Lexicon lexicon;
    private final Kinship kin;

    GeneralQuestions(Lexicon lexicon, Kinship kin) {
        this.lexicon = lexicon;
        this.kin = kin;
    }

    /** A clause that asks what the rules require ("一定要房本吗", "退伍军人落户带啥"), in a message that names no one (我, 我老婆). */
    boolean ruleQuestion(List<Token> tokens, Clause c, String clauseText) {
        if (c == null || c.explicit() || c.relative() != null) return false;
        if (!Texts.containsAny(clauseText, lexicon.ruleQuestions())) return false;
        // "在聊城打工落户要带啥 我没签合同": the asker telling their case anywhere makes it about them
        for (Token t : tokens) if (kin.speaker(t.text())) return false;
        return true;
    }

    /**
     * The phrase names or describes a kind of people (外地人, 退伍军人; 外省大学毕业生, 签劳动合同的技工): a word of
     * lexicon.people_kinds ends it or follows it closely in its clause.
     */
    boolean ofAKind(List<Token> tokens, Clause c, PhraseIndex.Match<Lexicon.FactPhrase> m) {
        if (Texts.endsWithAny(m.phrase(), lexicon.peopleKinds())) return true;
        String after = text(tokens, m.last() + 1, c.last());
        String near = after.substring(0, Math.min(after.length(), 5));
        return Texts.containsAny(near, lexicon.peopleKinds());
    }

    /** A clause that says what would be if ("要是把户口迁到我这", "如果买房"): a word of lexicon.hypothetical in it. */
    boolean whatIf(List<Token> tokens, Clause c) {
        for (int i = c.first(); i <= c.last(); i++) if (lexicon.hypothetical().contains(tokens.get(i).text())) return true;
        String t = textOf(c);
        return lexicon.hypothetical().stream().anyMatch(w -> w.length() > 1 && t.contains(w));
    }

    /**
     * A clause that opens with a what-if ("要是明年买了房", "那如果我在石河子买房"): a word of lexicon.hypothetical first,
     * after a 那 or 那么 at most. Unlike {@link #whatIf}, a what-if word inside a statement ("社保交够一年了") does not count.
     */
    boolean supposes(List<Token> tokens, Clause c) {
        String t = textOf(c);
        for (String lead : OPENERS) if (t.startsWith(lead) && t.length() > lead.length()) t = t.substring(lead.length());
        for (String w : lexicon.hypothetical()) if (t.startsWith(w)) return true;
        return false;
    }

    private static final List<String> OPENERS = List.of("那么", "那");
}
