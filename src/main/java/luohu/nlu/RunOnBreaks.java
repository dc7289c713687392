package luohu.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds where statements end in a message typed or dictated in one run, with no punctuation or space ("…开了个小超市五年了
 * 营业执照有然后税务登记还没办我媳妇在边检站上班…"), and types a space there, so that the clauses, whose a fact is and how
 * far a negator reaches are read as in the same message typed with pauses. A statement ends after a particle (了, 吗) or a
 * count's unit (五年, 七十岁) unless the counting goes on, after a thing said to be had or lacking (营业执照有), and before a
 * word that opens one (a subject, a time) after a word that may end one (a noun, a place, a trade, a verb of working).
 * The words are the lexicon's (run_on); what opens and ends a statement is told by the words' parts of speech.
 */
final class RunOnBreaks {
    /** Parts of speech of words that may end a statement: nouns, places, trades, adjectives, times (by their first letter). */
    private static final List<String> ENDING = List.of("n", "a", "t", "b", "s", "f");
    /** …and intransitive verbs and verbal nouns (上班, 备案): a verb that takes an object does not end one. */
    private static final Set<String> ENDING_VERBS = Set.of("vi", "vn", "vl");
    /** Parts of speech of a trade or a verb of working or living: what follows them may be the next statement's thing. */
    private static final List<String> WORK = List.of("vi", "nnt", "nnd");
    private static final Set<String> HUKOU = Set.of("户口", "户籍");
    private static final Set<String> PRONOUNS = Set.of("他", "她", "他们", "她们", "他俩", "她俩");
    private static final List<String> NEGATED = List.of("没", "还没", "也没", "都没", "一直没");

    private final Lexicon.RunOn words;
    private final Kinship kin;
    private final Places places;
    private final Set<String> binders;
    private final Set<String> negators;
    private final Set<String> things = new HashSet<>();
    /** Words that state a fact as one token ("国企", "签了合同", "没工作"). */
    private final Set<String> factWords = new HashSet<>();

    RunOnBreaks(Lexicon lexicon, Kinship kin, Places places) {
        this.words = lexicon.runOn();
        this.kin = kin;
        this.places = places;
        this.binders = new HashSet<>(lexicon.subjectBinders());
        this.negators = new HashSet<>(lexicon.negation().before());
        things.addAll(lexicon.wholeWords());
        things.addAll(lexicon.negation().objects() == null ? List.of() : lexicon.negation().objects());
        lexicon.facts().forEach(p -> factWords.addAll(p.words()));
        factWords.removeIf(w -> where(w) || HUKOU.contains(w));
    }

    /** The text with a space typed where a statement of a long run ends; the text itself when there is none. */
    String broken(String text, List<Token> tokens) {
        if (words.minChars() <= 0 || tokens.size() < 3) return text;
        List<Integer> at = new ArrayList<>();
        int first = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean boundary = i == tokens.size() || tokens.get(i).punctuation() || i > first && tokens.get(i).start() > tokens.get(i - 1).end();
            if (!boundary) continue;
            if (i > first && tokens.get(i - 1).end() - tokens.get(first).start() >= words.minChars()) {
                for (int k = first + 1; k < i; k++) if (endsBefore(tokens, first, k)) at.add(tokens.get(k).start());
            }
            first = i < tokens.size() && tokens.get(i).punctuation() ? i + 1 : i;
        }
        if (at.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text);
        for (int j = at.size() - 1; j >= 0; j--) out.insert((int) at.get(j), ' ');
        return out.toString();
    }

    /** Whether a statement ends before token k of the run that starts at token first. */
    private boolean endsBefore(List<Token> tokens, int first, int k) {
        Token l = tokens.get(k - 1), r = tokens.get(k);
        String left = l.text(), right = r.text();
        String before = k - 2 >= first ? tokens.get(k - 2).text() : "";
        String next = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
        boolean particle = words.particles().contains(left) || left.length() > 1 && left.endsWith("了") && !tag(l, "p", "c", "d");
        // "回来了|四十了": an age or a time said on its own after 了 is a statement of its own
        if (particle && counted(r) && (next.equals("了") || next.equals("岁"))) return true;
        // "住了三年", "开了个店", "五年了吗": the counting or the question goes on
        if (counted(r) || words.counting().contains(right) && !words.openers().contains(right)) return false;
        // "俺们一家户口", "个体执照", "职工社保": a word saying whose or what kind the thing is
        if (words.hukouKinds().contains(left) && right.startsWith("户口") || words.thingKinds().contains(left) && thing(right)) return false;
        // "…五年了|营业执照有", "…能落二连不|还是…", "不对|是两年半"
        if (particle) return true;
        // "…开了个小超市五年|营业执照…", "六十七|户口在…": a count, its unit said or not, the counting not going on
        if (k - 2 >= first && (words.units().contains(left) && counted(tokens.get(k - 2)) || tag(l, "m") && !words.units().contains(left))) {
            // …but "上了四年学", "跑了三年外卖": what follows may be the count's object
            return !words.afterUnits().contains(right) && !Texts.startsWithAny(right, words.afterUnits())
                    && (opens(tokens, k) || in(words.afterWork(), right) || in(words.afterCount(), right));
        }
        // "营业执照有|税务登记还没办", "合同没签|工资按月结": a thing said to be had or lacking
        if (words.had().contains(left) && thing(before)) return !words.had().contains(right) && !words.particles().contains(right);
        // "我是二连的|户口在…", "房子是买的|房本下来了": 的 closing what one is or how one got a thing; "我的户口" goes on
        if (left.equals("的")) {
            if (words.openers().contains(right) || in(words.afterDe(), right)) return true;
            return in(words.afterWork(), right) && k - 2 >= first && !person(tokens, k - 2) && !where(before);
        }
        // "帮我问问|他在…": the one asked about opens what follows
        if (words.asking().contains(left)) return PRONOUNS.contains(right) || left.length() > 1 && (kin.speaker(right) || opens(tokens, k));
        // "能落二连不|还是…", "能落不|我…": 不 closing a question
        if (left.equals("不") && (PRONOUNS.contains(right) || kin.speaker(right) || right.equals("还是"))) return true;
        if (binders.contains(left) || kin.speaker(left) || !endsStatement(l)) return false;
        // "还没办|执照": a negator reaches what follows it
        if (negators.contains(left) || Texts.startsWithAny(left, NEGATED) && !factWords.contains(left)) return false;
        // "迁到|我…": a verb that takes what follows; "住|我家", "住|我姐家": a verb of living takes the home after it
        if (tag(l, "nz") && Texts.endsWithAny(left, words.verbEndings()) || tag(l, "v") && person(tokens, k) && homeAfter(tokens, k)) return false;
        // "…二连|那我这户口…": 那 before the speaker takes up what was said
        if (right.equals("那") && kin.speaker(next)) return true;
        // "…有楼|我媳妇户口也在二连", "…媳妇|俺那超市", "…当老师|现在…": a subject or a time opens the next; not a
        // relative right after a person ("我老丈人老丈母娘"), nor a time after a thing ("户口现在在哪")
        if (opens(tokens, k)) {
            if (person(tokens, k - 1)) return kin.speaker(right);
            return !(thing(left) && words.openers().contains(right) && !PRONOUNS.contains(right) && !kin.speaker(right));
        }
        // "我是二连户口|想投靠…": a hukou said by its place or kind ends a statement
        boolean hukouKind = HUKOU.contains(left) && (where(before) || words.hukouKinds().contains(before));
        if (hukouKind) return in(words.afterPlace(), right) && !right.equals("在");
        // "住在松山区|户口在宁城", "吐鲁番|户口在下面村里": where the hukou is opens a statement after a place it ends
        if (where(left) && HUKOU.contains(right) && words.hukouWhere().contains(next)) return !before.equals("是");
        // "户口在周口农村|没买房", "当保安|没合同": a thing lacking, told after a place or work
        boolean lack = right.length() > 1 && Texts.startsWithAny(right, NEGATED) && factWords.contains(right);
        if (where(left)) return in(words.afterPlace(), right) || lack;
        if (person(tokens, k - 1)) return false;
        if (tag(l, WORK)) return in(words.afterWork(), right) || lack;
        // "俺爸妈还在村里住|能落锦山镇上不": after a verb that ends a statement, also a wish or a question
        if (Texts.endsWithAny(left, words.endingVerbs())) return in(words.afterWork(), right) || lack || words.wishes().contains(right);
        // "…有户口|在…" is where the hukou is: after a fact told, a thing, not a place
        if (factWords.contains(left)) return in(words.afterWork(), right) && !right.equals("在");
        // "开了个店|执照有", "没工作|户口在…": a paper or the hukou after a noun opens what is said of it
        return tag(l, "n") && !thing(left) && (in(words.papers(), right) || right.startsWith("户口"));
    }

    /** A word of the list, or a word of two characters or more of it opening the token ("户口还在老家"). */
    private static boolean in(List<String> list, String token) {
        for (String w : list) if (token.equals(w) || w.length() >= 2 && token.startsWith(w)) return true;
        return false;
    }

    /** Whether token k is a person: the speaker, a pronoun or a relative's word. */
    private boolean person(List<Token> tokens, int k) {
        String t = tokens.get(k).text();
        return kin.speaker(t) || PRONOUNS.contains(t) || kin.relativeAt(tokens, k, k) != null || tag(tokens.get(k), "r");
    }

    /** A subject, a time or a filler that opens a statement, or a relative's word. */
    private boolean opens(List<Token> tokens, int k) {
        return words.openers().contains(tokens.get(k).text()) || kin.relativeAt(tokens, k, Math.min(tokens.size() - 1, k + 1)) != null;
    }

    private boolean endsStatement(Token t) {
        return where(t.text()) || tag(t, ENDING) || ENDING_VERBS.contains(t.nature()) || Texts.endsWithAny(t.text(), words.endingVerbs());
    }

    /** "我家", "俺姐家", "我闺女家": a person's home at token k. */
    private boolean homeAfter(List<Token> tokens, int k) {
        for (int i = k; i < Math.min(tokens.size(), k + 3); i++) {
            String t = tokens.get(i).text();
            if (t.endsWith("家") || t.equals("那") || t.equals("这")) return true;
            if (i > k && !person(tokens, i)) return false;
        }
        return false;
    }

    private boolean where(String word) {
        return places.isPlace(word) || Places.VILLAGE.contains(word) || Places.TOWN.contains(word);
    }

    /** A thing one has or lacks ("营业执照", "合同", "塔吊证"). */
    private boolean thing(String word) {
        return things.contains(word) || word.length() >= 2 && (word.endsWith("证") || word.endsWith("照"));
    }

    /** A number or a count ("五", "两", "3", "个"): its nature is a numeral's or a measure word's. */
    private static boolean counted(Token t) {
        return tag(t, "m", "q") || !t.text().isEmpty() && Character.isDigit(t.text().charAt(0));
    }

    private static boolean tag(Token t, List<String> natures) {
        return tag(t, natures.toArray(String[]::new));
    }

    private static boolean tag(Token t, String... natures) {
        for (String n : natures) if (t.nature().startsWith(n)) return true;
        return false;
    }
}
