package luohu.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static luohu.nlu.Kinship.PLURAL_SELF;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.Kinship.SPEAKER;
import static luohu.nlu.TokenText.spacedAfter;

/**
 * Which phrase a negator belongs to: each token marked as part of a phrase, a negator before or after, or an affirming
 * word, and a mention negated only by a negator that reaches it in its clause with no other phrase between.
 */
final class NegationScope {
    /** A word echoed as a question is answered by the clause after the mark ("备案？没弄"). */
    static final Set<String> QUESTION_MARKS = Set.of("?", "？");
    /** Words that join two phrases under one negator ("没有营业执照和税务登记证"). */
    private static final Set<String> CONJUNCTIONS = Set.of("和", "跟", "与", "及", "以及", "或", "或者", "还有");
    private static final Set<String> ADVERBS_BEFORE_NEGATOR = Set.of("一直", "从来", "根本", "至今", "现在", "目前", "暂时", "还是", "始终",
            "压根", "到现在", "一点", "完全", "都还", "也还", "他们", "她们", "人家", "单位", "公司", "老板", "厂里");
    /** The most characters of a clause that answers a field with a negator alone. */
    private static final int SHORT_ANSWER = 4;

    private final Lexicon lexicon;
    private final PhraseIndex<Lexicon.FactPhrase> relativePhrases;
    private final PhraseIndex<Boolean> negBefore = new PhraseIndex<>();
    private final PhraseIndex<Boolean> negAfter = new PhraseIndex<>();
    private final Set<String> affirm;

    NegationScope(Lexicon lexicon, PhraseIndex<Lexicon.FactPhrase> relativePhrases) {
        this.lexicon = lexicon;
        this.relativePhrases = relativePhrases;
        lexicon.negation().before().forEach(w -> negBefore.add(w, true));
        lexicon.negation().after().forEach(w -> negAfter.add(w, true));
        affirm = new HashSet<>(lexicon.negation().affirm());
    }

    /** Per token: a phrase of some fact, a negator before or after, an affirming word. */
    record Marks(boolean[] mention, boolean[] negEnd, boolean[] negStart, boolean[] affirm) {
    }

    /** Marks every token: part of a fact phrase, end of a negator before, start of a negator after, affirming. */
    Marks marks(List<Token> tokens, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        int n = tokens.size();
        boolean[] mention = new boolean[n], negEnd = new boolean[n], negStart = new boolean[n], aff = new boolean[n];
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) for (int i = m.first(); i <= m.last(); i++) mention[i] = true;
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : relativePhrases.find(tokens)) for (int i = m.first(); i <= m.last(); i++) mention[i] = true;
        for (PhraseIndex.Match<Boolean> m : negBefore.find(tokens)) negEnd[m.last()] = true;
        for (PhraseIndex.Match<Boolean> m : negAfter.find(tokens)) {
            // "没房没工作没文凭": a one-character negator right before a noun is that noun's, not the word before's
            if (m.first() == m.last() && tokens.get(m.first()).text().length() == 1 && m.last() + 1 < n
                    && tokens.get(m.last() + 1).start() == tokens.get(m.last()).end()
                    && tokens.get(m.last() + 1).nature().startsWith("n") && !tokens.get(m.last() + 1).nature().equals("nz")) continue;
            negStart[m.first()] = true;
        }
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            aff[i] = affirm.contains(t);
            if (mention[i] || negEnd[i] || negStart[i] || aff[i]) continue;
            // 还没拿到, 没交, 未办: a word that opens with a negator negates
            for (String p : lexicon.negation().prefixes()) {
                if (t.startsWith(p) && t.length() > p.length()) {
                    negEnd[i] = negStart[i] = true;
                    break;
                }
            }
        }
        return new Marks(mention, negEnd, negStart, aff);
    }

    /**
     * Whether this mention of a phrase is negated: a negator shortly before it, or right after it, in its clause,
     * with no other fact phrase and no affirming word between ("营业执照有税务登记证没办": 没办 is the second's).
     * Phrases joined by 和/跟 share a negator before them.
     */
    boolean negated(List<Token> tokens, Marks marks, Clause c, int first, int last) {
        // "备案？没弄": a word echoed as a question and answered by a negator opening the next clause
        if (last == c.last() && last + 2 < tokens.size() && QUESTION_MARKS.contains(tokens.get(last + 1).text()) && marks.negStart()[last + 2]) return true;
        // "社保，无", "合同，没签": a field named alone, and a clause of nothing but a negator after it, as on a form
        if (first == c.first() && last == c.last() && last + 2 < tokens.size() && ",".equals(tokens.get(last + 1).text())
                && negatorsOnly(tokens, marks, last + 2)) return true;
        // after the phrase: its own predicate ("房本还没下来", "营业执照有")
        boolean affirmedAfter = false;
        int to = Math.min(c.last(), last + 6);
        // "结婚了还没迁", "结婚十年了 一直没迁": a statement closed by 了 is done; a negator after it is another verb's
        if (tokens.get(last).text().endsWith("了") && tokens.get(last).text().length() > 1) {
            affirmedAfter = true;
            to = last;
        }
        for (int i = last + 1; i <= to; i++) {
            if (tokens.get(i).text().equals("了")) {
                affirmedAfter = true;
                break;
            }
            if (marks.negStart()[i]) {
                // "买了期房 还没拿到房产证": a negator right before another phrase with no word of its own after is that phrase's
                int end = i;
                while (end < c.last() && (marks.negStart()[end + 1] || marks.negEnd()[end + 1]) && !marks.mention()[end + 1]) end++;
                // …and the phrase keeps whatever negator comes before it ("没有营业执照也没税务登记")
                // ("执照在办 还没下来": a negator that is a phrase of its own is still a negator)
                if (end < c.last() && marks.mention()[end + 1] && !marks.negStart()[end + 1] && !predicateAfter(marks, c, end + 1)) break;
                // "当保安没合同", "当老师没编": a negator right before a thing one has or lacks is that thing's, fact or not
                if (end < c.last() && !marks.mention()[end + 1] && Texts.startsWithAny(tokens.get(end + 1).text(), lexicon.negation().objects())) break;
                // "厂里也没给交社保": a negator whose verb takes another phrase a word later is that phrase's
                if (end + 2 <= c.last() && !marks.mention()[end + 1] && marks.mention()[end + 2] && !marks.negStart()[end + 2]
                        && tokens.get(end + 1).text().length() == 1 && !predicateAfter(marks, c, end + 2)) break;
                return true;
            }
            if (marks.affirm()[i]) {
                affirmedAfter = true;
                break;
            }
            if (marks.mention()[i]) break;
        }
        int from = negationReach(tokens, c, first);
        for (int i = first - 1; i >= from; i--) {
            // "当老师没编签了合同": a negator right before another thing one has or lacks is that thing's
            if (i > c.first() && !marks.mention()[i] && marks.negEnd()[i - 1]
                    && Texts.startsWithAny(tokens.get(i).text(), lexicon.negation().objects())) return false;
            if (marks.negEnd()[i]) {
                // "营业执照没办 税务登记证有": a negator right after another phrase is that phrase's
                int start = i;
                while (start > c.first() && marks.negEnd()[start - 1]) start--;
                // "职称没有 合同一年一签": a negator after a word of its own, a space typed after it, is that word's
                if (start > c.first() && spacedAfter(tokens, i) && (marks.mention()[start - 1] || ownWord(tokens.get(start - 1).text()))) return false;
                return !(affirmedAfter && start > c.first() && marks.mention()[start - 1]);
            }
            if (marks.affirm()[i]) break;
            if (marks.mention()[i]) {
                if (i + 1 < first && CONJUNCTIONS.contains(tokens.get(i + 1).text())) {
                    int run = i;
                    while (i > from && marks.mention()[i - 1]) i--;
                    from = Math.max(c.first(), from - (run - i + 2));
                    continue;
                }
                break;
            }
        }
        return false;
    }

    /**
     * The first token a negator before the phrase may stand at: `window` tokens back, not counting the words that say
     * with whom or fill in ("老板没跟俺们签啥合同": 跟 俺们 and 啥 stand between 没 and 签…合同).
     */
    private int negationReach(List<Token> tokens, Clause c, int first) {
        int i = first, counted = 0;
        while (i > c.first() && counted < lexicon.negation().window()) {
            i--;
            if (!lexicon.negation().uncounted().contains(tokens.get(i).text())) counted++;
        }
        return i;
    }

    /** The phrase [first, last] opens with a negator that follows a word of its own, a space typed after the negator. */
    boolean negatorOfWordBefore(List<Token> tokens, Marks marks, int first, int last) {
        if (first == 0 || !marks.negStart()[first] || spacedAfter(tokens, first - 1)) return false;
        int k = first;
        while (k < last && marks.negStart()[k + 1]) k++;
        if (k >= last || !spacedAfter(tokens, k)) return false;
        return marks.mention()[first - 1] || ownWord(tokens.get(first - 1).text());
    }

    /**
     * The clause after this one tells, naming nothing of its own and with no negator, that what was not had is had now
     * ("一直没办执照，这两年才办上"): the later word is the one that holds.
     */
    boolean madeGoodNext(List<Token> tokens, Marks marks, List<Clause> clauses, Clause c) {
        int at = clauses.indexOf(c);
        if (at < 0 || at + 1 >= clauses.size()) return false;
        Clause next = clauses.get(at + 1);
        for (int i = next.first(); i <= next.last(); i++) if (marks.mention()[i] || marks.negStart()[i] || marks.negEnd()[i]) return false;
        String said = next.text();
        Lexicon.MadeGood good = lexicon.negation().madeGood();
        return Texts.containsAny(said, good.since()) && Texts.containsAny(said, good.done());
    }

    /** A short clause from {@code from} to the next comma or the end that opens with a negator ("无", "没交过", "还没下来"). */
    private static boolean negatorsOnly(List<Token> tokens, Marks marks, int from) {
        if (!marks.negStart()[from]) return false;
        int length = 0;
        for (int i = from; i < tokens.size() && !",".equals(tokens.get(i).text()); i++) length += tokens.get(i).text().length();
        return length <= SHORT_ANSWER;
    }

    /** Whether the phrase starting at {@code at} has a negator or affirming word of its own after it. */
    private static boolean predicateAfter(Marks marks, Clause c, int at) {
        int i = at;
        while (i <= c.last() && marks.mention()[i]) i++;
        for (int k = i; k <= Math.min(c.last(), i + 3); k++) {
            if (marks.negStart()[k] || marks.affirm()[k]) return true;
            if (marks.mention()[k]) return false;
        }
        return false;
    }

    /** A word a negator after it may belong to: a noun of two characters or more, not the speaker nor an adverb (一直没有 合同). */
    private static boolean ownWord(String w) {
        return w.length() >= 2 && !SPEAKER.contains(w) && !PRONOUNS.contains(w) && !PLURAL_SELF.contains(w) && !ADVERBS_BEFORE_NEGATOR.contains(w)
                && w.codePoints().allMatch(Character::isIdeographic);
    }
}
