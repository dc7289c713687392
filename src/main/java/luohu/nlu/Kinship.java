package luohu.nlu;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is who in a message: the speaker's words, the lexicon's words for relatives and the gender they say, and how
 * one relation is seen from another relative (the speaker's mother is the applicant's grandmother when the applicant
 * is the speaker's child).
 */
final class Kinship {
    static final Set<String> SPEAKER = Set.of("我", "我的", "俺", "俺的", "本人", "咱", "咱家", "我家", "我们家", "自己", "我们",
            "俺家", "俺们", "咱们", "俺们家", "咱们家", "我们的");
    static final Set<String> PRONOUNS = Set.of("他", "她", "他们", "她们", "他家", "她家", "他俩", "她俩", "他们俩", "她们俩");
    static final Set<String> PLURAL_SELF = Set.of("我们", "俺们", "咱们", "我们家", "俺们家", "咱家");
    /** Who the speaker's [second] is to an applicant who is the speaker's [first]: "child/spouse" is the child's parent. */
    private static final Map<String, String> COMPOSED = Map.ofEntries(
            Map.entry("child/spouse", "parent"), Map.entry("child/child_in_law", "spouse"), Map.entry("child/child", "sibling"),
            Map.entry("child/grandchild", "child"), Map.entry("child/parent", "grandparent"),
            Map.entry("grandchild/child", "parent"), Map.entry("grandchild/spouse", "grandparent"),
            Map.entry("grandchild/child_in_law", "parent"), Map.entry("grandchild/grandchild", "sibling"),
            Map.entry("spouse/child", "child"), Map.entry("spouse/parent_in_law", "parent"), Map.entry("spouse/parent", "parent_in_law"),
            Map.entry("parent/parent", "spouse"), Map.entry("parent/child", "child"), Map.entry("parent/sibling", "child"),
            Map.entry("parent/grandparent", "parent"), Map.entry("sibling/parent", "parent"), Map.entry("sibling/sibling", "sibling"),
            Map.entry("child_in_law/child", "spouse"), Map.entry("parent_in_law/spouse", "child"),
            Map.entry("grandparent/parent", "child"), Map.entry("grandparent/parent_in_law", "child"),
            Map.entry("parent/spouse", "child_in_law"), Map.entry("parent_in_law/child", "grandchild"));
    /** The [second] of the speaker's [first], as the speaker's relative: "child/spouse" is a child-in-law; others: other. */
    private static final Map<String, String> OF_RELATIVE = Map.ofEntries(
            Map.entry("child/spouse", "child_in_law"), Map.entry("child/child", "grandchild"), Map.entry("child_in_law/child", "grandchild"),
            Map.entry("child_in_law/spouse", "child"), Map.entry("spouse/parent", "parent_in_law"), Map.entry("spouse/child", "child"),
            Map.entry("parent/parent", "grandparent"), Map.entry("parent/child", "sibling"), Map.entry("parent/spouse", "parent"),
            Map.entry("sibling/parent", "parent"), Map.entry("sibling/sibling", "sibling"), Map.entry("grandchild/parent", "child"),
            Map.entry("parent_in_law/child", "spouse"), Map.entry("child/parent", "spouse"));

    private final Lexicon lexicon;
    /** The speaker's words, and the lexicon's words for the one a typist speaks for as for themselves (申请人). */
    private final Set<String> speakerWords;
    private final PhraseIndex<String> relatives = new PhraseIndex<>();
    /** Relative words that say a woman ("F") or a man ("M"), for whom 她 and 他 stand. */
    private final Map<String, String> relativeGender = new HashMap<>();

    Kinship(Lexicon lexicon) {
        this.lexicon = lexicon;
        Set<String> self = new HashSet<>(SPEAKER);
        self.addAll(lexicon.applicantCues().speaker());
        this.speakerWords = Set.copyOf(self);
        lexicon.relatives().forEach((rel, words) -> words.forEach(w -> relatives.add(w, rel)));
        lexicon.relativeGender().getOrDefault("female", List.of()).forEach(w -> relativeGender.put(w, "F"));
        lexicon.relativeGender().getOrDefault("male", List.of()).forEach(w -> relativeGender.put(w, "M"));
    }

    /** A word of the speaker's own (我, 俺家…, or the typist's word for the one served). */
    boolean speaker(String word) {
        return speakerWords.contains(word);
    }

    /** The relatives' words in the tokens, each with its relation id. */
    List<PhraseIndex.Match<String>> find(List<Token> tokens) {
        return relatives.find(tokens);
    }

    /** "F", "M", or "" when the relative's word says no gender. */
    String gender(String word) {
        return relativeGender.getOrDefault(word, "");
    }

    /** The first token at or after {@code at} (up to {@code last}) that is not the speaker's word (我, 俺…). */
    int skipSelf(List<Token> tokens, int at, int last) {
        int i = at;
        while (i <= last && speakerWords.contains(tokens.get(i).text())) i++;
        return i;
    }

    /** A relative's word starting at token {@code at} within the clause, or null. */
    PhraseIndex.Match<String> relativeAt(List<Token> tokens, int at, int last) {
        if (at > last) return null;
        if (at < 0 || at >= tokens.size()) return null;
        List<PhraseIndex.Match<String>> r = relatives.find(tokens.subList(at, Math.min(last + 1, at + 2)));
        return !r.isEmpty() && r.get(0).first() == 0 ? r.get(0) : null;
    }

    /** The first word the message names the applicant by (我弟媳妇: 弟媳妇), or null. */
    String wordOf(List<Token> tokens, String applicant) {
        for (PhraseIndex.Match<String> m : relatives.find(tokens)) if (m.values().get(0).equals(applicant)) return m.phrase();
        return null;
    }

    /** The clause is about the own relative of one named before, opened by 他/她 ("他爸妈都没了", "她爸是松山区户口"). */
    boolean ownOfNamed(List<Token> tokens, Clause c) {
        return PRONOUNS.contains(tokens.get(c.first()).text()) && relativeAt(tokens, c.first() + 1, c.last()) != null;
    }

    /**
     * A clause opened by 他/她 and a relative's word with nobody named before ("他媳妇是市里户口"): 他 is the one the
     * conversation is about, as 他 alone is, so the clause is about the applicant's own relative (spouse), and a
     * clause about anyone else is returned as it was.
     */
    Clause ownOfSomeone(List<Token> tokens, Clause c) {
        if (!Clause.SOMEONE.equals(c.relative()) || tokens.get(c.first()).text().length() != 1 || !ownOfNamed(tokens, c)) return c;
        return c.about(relativeAt(tokens, c.first() + 1, c.last()).values().get(0), true);
    }

    /** Who the speaker's [relation] is to the applicant, the speaker's [applicant], by relation alone, or null. */
    static String composed(String applicant, String relation) {
        return COMPOSED.get(applicant + "/" + relation);
    }

    /** The [own] relative of the speaker's [relation], as the speaker's relative, or "other". */
    static String ofRelative(String relation, String own) {
        return OF_RELATIVE.getOrDefault(relation + "/" + own, "other");
    }

    /**
     * Who the speaker's [relation] (named by [word]) is to the applicant, the speaker's [applicant] (named by
     * [applicantWord]): by relation, and where that says only "other", by the words: a sibling's husband or wife
     * (姐夫, 弟媳) and the sibling of the other gender are spouses; one's spouse's sibling (小姑子) is the spouse's
     * sibling; two grandparents or two parents-in-law are a couple.
     */
    String compose(String applicant, String applicantWord, String relation, String word) {
        String composed = composed(applicant, relation);
        if (composed != null) return composed;
        if (applicant.equals(relation) && (relation.equals("parent_in_law") || relation.equals("grandparent"))) return "spouse";
        List<String> siblingSpouses = lexicon.siblingSpouses(), spouseSiblings = lexicon.spouseSiblings();
        if (word != null && applicantWord != null) {
            boolean opposite = !relativeGender.getOrDefault(word, "").isEmpty() && !relativeGender.getOrDefault(applicantWord, "").isEmpty()
                    && !relativeGender.get(word).equals(relativeGender.get(applicantWord));
            if (opposite && (applicant.equals("sibling") && siblingSpouses.contains(word)
                    || relation.equals("sibling") && siblingSpouses.contains(applicantWord))) return "spouse";
        }
        if (relation.equals("spouse") && applicantWord != null && spouseSiblings.contains(applicantWord)) return "sibling";
        // "帮我姥姥问 想迁到我舅家": the speaker's uncles and aunts are their grandparents' children…
        if (applicant.equals("grandparent") && word != null && lexicon.parentsSiblings().contains(word)) return "child";
        // …and their parents' brothers and sisters ("我姨想投靠我妈")
        if (relation.equals("parent") && applicantWord != null && lexicon.parentsSiblings().contains(applicantWord)) return "sibling";
        return "other";
    }
}
