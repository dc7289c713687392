package luohu.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static luohu.nlu.Clause.SOMEONE;
import static luohu.nlu.Clause.textOf;
import static luohu.nlu.TokenText.text;
import static luohu.nlu.Kinship.PLURAL_SELF;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.Places.TOWN;
import static luohu.nlu.Places.VILLAGE;

/** Facts about the relative to be joined: who they are (local_relative), that they hold hukou here, their rural ties. */
final class RelativeFacts {
    private static final Set<String> CAME_ALONG = Set.of("跟着", "随", "跟");
    /** Relations a bare word names from its clause's subject (投靠儿子: the subject's son), not from the speaker. */
    private static final Set<String> OWN_BY_SUBJECT = Set.of("child", "parent", "sibling", "spouse", "grandparent", "grandchild");
    private static final List<String> COMING = List.of("来", "过来", "到");
    /** Words after 随 and a relative that say where a hukou is ("户口随她爸在黑龙江", "随他妈上在沈阳"). */
    private static final List<String> WHERE_IT_IS = List.of("在", "上在", "落在", "上的", "落的");
    /** A relative said to be from a village ("对象是东阿农村的", "他是乡下的"). */
    private static final Pattern FROM_A_VILLAGE = Pattern.compile("是\\p{IsHan}{0,6}?(农村|乡下|村里)的$");
    /** The speaker fetching someone here ("想把她接过来落户", "接他俩来投靠我", "把老人接到我这"). */
    private static final Pattern FETCHED = Pattern.compile("(想|要|打算|准备)把?(他|她|他们|她们|他俩|她俩|二老|老人)?接(过来|来|到我|到俺|到城里|到市里)");
    private static final Pattern FOR_JOINING = Pattern.compile(
            "(给|帮|替)(我|俺)\\p{IsHan}{1,4}?(办|办理)(投靠|投奔)(?![他她我俺])");

    private final Lexicon lexicon;
    private final Kinship kin;
    private final Places places;
    private final PhraseIndex<Lexicon.FactPhrase> relativePhrases;
    private final PhraseIndex<String> relativeHukou = new PhraseIndex<>();
    private final PhraseIndex<String> joining;
    private final JoinedRelative joined;
    private final NegationScope negation;
    private final Rhetoric rhetoric;
    private final FactWriter writer;

    RelativeFacts(Lexicon lexicon, Kinship kin, Places places, PhraseIndex<Lexicon.FactPhrase> relativePhrases, PhraseIndex<String> joining,
                  JoinedRelative joined, NegationScope negation, Rhetoric rhetoric, FactWriter writer) {
        this.lexicon = lexicon;
        this.kin = kin;
        this.places = places;
        this.relativePhrases = relativePhrases;
        this.joining = joining;
        this.joined = joined;
        this.negation = negation;
        this.rhetoric = rhetoric;
        this.writer = writer;
        lexicon.relativeHukou().forEach(w -> relativeHukou.add(w, w));
    }

    /** Facts about the relative to be joined: who they are, that they hold hukou here, their rural ties. */
    void read(List<Token> tokens, NegationScope.Marks marks, List<Clause> clauses, Map<String, Object> facts, String asked, String applicant,
              Set<Clause> unsaid) {
        // a reply to a question about the relative ("没有宅基地") is about the relative throughout
        String lastRelative = asked != null && asked.startsWith("relative_") ? SOMEONE : null;
        String lastNamed = null; // whom 他/她 stands for after 投靠
        boolean applicantSpeaks = false; // the last clause that names its subject is about the applicant
        for (Clause c : clauses) {
            List<Token> part = tokens.subList(c.first(), c.last() + 1);
            String rel = c.relative();
            // (the own people of one named, opened by 他/她, leave the subject as it was: "他爸是外省的 能随妈落赤峰吗")
            if (c.explicit() && !kin.ownOfNamed(tokens, c)) applicantSpeaks = rel == null;
            if (rel != null) lastRelative = rel;
            else if (c.explicit()) lastRelative = null; // 我…: the speaker again
            // (a clause of the speaker's, seen from the applicant, names nobody 他/她 may stand for: "我俩去年领的证 公婆想投靠他")
            if (rel != null && !rel.equals(SOMEONE) && !speakersOwn(tokens, c)) lastNamed = rel;
            // 投靠我女儿 / 投靠他: joining names the relative
            for (PhraseIndex.Match<String> j : unsaid.contains(c) ? List.<PhraseIndex.Match<String>>of() : joining.find(part)) {
                List<Token> after = part.subList(j.last() + 1, Math.min(part.size(), j.last() + 4));
                List<PhraseIndex.Match<String>> r = kin.find(after);
                // "十年前跟着对象来的赤峰": coming along with someone, long ago, is no joining them now; "户口随她爸在黑龙江"
                // says where the hukou is
                if (!r.isEmpty() && CAME_ALONG.contains(j.phrase())) {
                    int next = j.last() + 1 + r.get(0).last() + 1;
                    if (next < part.size() && Texts.startsWithAny(part.get(next).text(), COMING)) continue;
                    if (next < part.size() && Texts.startsWithAny(part.get(next).text(), WHERE_IT_IS)) continue;
                }
                if (!r.isEmpty()) {
                    String named = r.get(0).values().get(0);
                    // "想投靠她老公", she being the applicant: the applicant's own relative
                    boolean theirs = applicant != null && !after.isEmpty() && PRONOUNS.contains(after.get(0).text()) && r.get(0).first() == 1;
                    // "孩子想跟着继父落二连", "老太太想投靠闺女": a relative of blood or marriage named bare, no 我 before, in a
                    // clause about the applicant, is the applicant's own; words for in-laws stay the speaker's ("婆婆想投靠公公")
                    theirs |= applicant != null && r.get(0).first() == 0 && rel == null && applicantSpeaks && OWN_BY_SUBJECT.contains(named);
                    facts.put("local_relative", applicant == null || theirs ? named
                            : kin.compose(applicant, kin.wordOf(tokens, applicant), named, r.get(0).phrase()));
                } else if (applicant != null && after.stream().anyMatch(t -> kin.speaker(t.text()))) {
                    // "老丈人想投奔我们": "we" are his daughter and her husband; joining his own child is the reading
                    // that does not refuse him (the documents name 子女, not 子女的配偶)
                    boolean us = after.stream().anyMatch(t -> PLURAL_SELF.contains(t.text()));
                    facts.put("local_relative", us && "parent_in_law".equals(applicant) ? "child" : Relations.inverse(applicant));
                }
                else if (lastNamed != null && after.stream().anyMatch(t -> PRONOUNS.contains(t.text()))) facts.put("local_relative", lastNamed);
            }
            if (rel == null) {
                if (lastRelative == null || c.explicit()) continue;
                rel = lastRelative; // a clause with no subject of its own continues the last relative's
            }
            // ("他爸是红山区户口": the own relative of one named is named too)
            boolean named = c.relative() != null && (!PRONOUNS.contains(part.get(0).text()) || kin.ownOfNamed(tokens, c));
            // "住我哥家 他是米东户口": 他 opening a clause of the speaker's own case stands for the relative named before
            String referent = !named && c.relative() != null && applicant == null && asked == null && part.size() > 1
                    && kin.relativeAt(tokens, c.first() + 1, c.last()) == null && HELD_HERE.matcher(text(tokens, c.first() + 1, c.last())).matches()
                    ? namedBefore(tokens, c) : null;
            // (a reply about the relative joined, asked of one of their facts, says who they are no more than before)
            if (c.explicit() && (named && !SOMEONE.equals(rel) || referent != null)
                    && (relativeHukou.occursIn(part) && !places.hukouElsewhere(part) || places.personOfTheOnePlace(tokens, part))
                    && (asked == null || !asked.startsWith("relative_"))) facts.put("local_relative", named ? rel : referent);
            for (PhraseIndex.Match<Lexicon.FactPhrase> m : relativePhrases.find(part)) {
                Rhetoric.Frame frame = rhetoric.frame(tokens, c);
                boolean framed = frame != null && c.first() + m.first() >= frame.inner(), reversed = framed && frame.reverses();
                boolean negated = negation.negated(tokens, marks, framed ? c.from(tokens, frame.inner()) : c, c.first() + m.first(), c.first() + m.last());
                for (Lexicon.FactPhrase p : m.values()) {
                    Map<String, Object> values = reversed ? rhetoric.meant(p, negated) : negated ? p.negated() : p.set();
                    if (values != null) writer.apply(values, facts, new HashMap<>(), false);
                }
            }
            // "户口在伊宁市里": a town or village word typed onto a place name the segmenter keeps whole
            String said = textOf(c);
            if (!facts.containsKey("relative_rural") && (said.contains("户口") || said.contains("户籍"))) {
                if (Texts.containsAny(said, TOWN)) facts.put("relative_rural", false);
                else if (Texts.containsAny(said, VILLAGE)) facts.put("relative_rural", true);
            }
            // "对象是东阿农村的": where one is from, said of the relative, is where their hukou is
            if (!facts.containsKey("relative_rural") && c.explicit() && FROM_A_VILLAGE.matcher(said).find()) facts.put("relative_rural", true);
        }
    }

    /** A clause opened by the speaker's own word, naming no relative of theirs ("我俩去年领的证"). */
    private boolean speakersOwn(List<Token> tokens, Clause c) {
        int k = kin.skipSelf(tokens, c.first(), c.last());
        return k > c.first() && kin.relativeAt(tokens, k, c.last()) == null;
    }

    /** What a clause of 他/她 says when it says only that they hold hukou here ("他是米东户口", "她户口也在二连"). */
    private static final java.util.regex.Pattern HELD_HERE = java.util.regex.Pattern.compile(
            "(?:也|都|就)?是(?!外)[^迁落动不没学]{1,8}?(?:的)?(?:户口|户籍|本地人)|(?:的)?(?:户口|户籍)(?:也|就|都|早就|一直)?在(?!外)[^迁落动不没学]{1,8}");

    /** The relative 他/她 opening the clause stands for: the clause's own, else the last relative's word before it. */
    private String namedBefore(List<Token> tokens, Clause c) {
        if (!SOMEONE.equals(c.relative())) return c.relative();
        String last = null;
        for (PhraseIndex.Match<String> m : kin.find(tokens.subList(0, c.first()))) last = m.values().get(0);
        return last;
    }

    /**
     * Whom the applicant would join, said by moving to or living with them ("帮我妈问 她想落到铁岭我家": the speaker,
     * her child; "我想去我儿媳那"), seen from the applicant.
     */
    void joinedBy(String text, String applicant, Map<String, Object> facts) {
        JoinedRelative.Joined j = joined.find(text);
        // "给我老公办投靠": joining done for a relative, with nobody named to join, joins the one who does it for them; so
        // does bringing them here ("想把她接过来落户")
        if (j == null && applicant != null && (FOR_JOINING.matcher(text).find() || FETCHED.matcher(text).find())) j = new JoinedRelative.Joined(true, false, null, null);
        if (j == null) return;
        if (j.speaker()) {
            if (applicant == null) return;
            // "老丈人想跟我们住": "we" are his daughter and her husband, as for joining (投奔我们)
            facts.put("local_relative", j.plural() && "parent_in_law".equals(applicant) ? "child" : Relations.inverse(applicant));
        } else if (j.relation() != null && !j.relation().equals(applicant)) {
            String composed = Kinship.composed(applicant, j.relation());
            // "帮我姥姥问 想迁到我舅家": the speaker's uncles and aunts are their grandparents' children
            if (composed == null && "grandparent".equals(applicant) && lexicon.parentsSiblings().contains(j.word())) composed = "child";
            facts.put("local_relative", applicant == null ? j.relation() : composed != null ? composed : "other");
        }
    }
}
