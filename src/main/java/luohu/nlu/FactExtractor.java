package luohu.nlu;

import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;
import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static luohu.nlu.Clause.SOMEONE;
import static luohu.nlu.Clause.textOf;
import static luohu.nlu.ClauseMentions.HUKOU_KIND;
import static luohu.nlu.ClauseMentions.clauseHasFact;
import static luohu.nlu.ClauseMentions.settling;
import static luohu.nlu.ClauseMentions.wanting;
import static luohu.nlu.Kinship.PLURAL_SELF;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.Places.where;
import static luohu.nlu.TokenText.endsWith;
import static luohu.nlu.TokenText.startsWith;
import static luohu.nlu.TokenText.text;
import static luohu.nlu.TokenText.tokenAt;

/**
 * Turns a segmented message into facts of the shared vocabulary: phrases from the lexicon, each mention with its
 * own polarity (a negator binds to the phrase it modifies, not to the clause), whose fact it is (the applicant's,
 * or the relative's they would join), who the applicant is (the person typing or a relative they name), and
 * durations, ages and years, impossible values set aside.
 */
public final class FactExtractor {

    private final FactVocabulary vocabulary;
    private final Lexicon lexicon;
    private final Kinship kin;
    private final Places places;
    private final ClauseSplitter splitter;
    private final NegationScope negation;
    private final Rhetoric rhetoric;
    private final FactWriter writer;
    private final HukouLocation hukouLocation;
    private final SchoolLocation schoolLocation;
    private final WhereOneLives living;
    private final HomeFacts homes;
    private final RelativeFacts relativeFacts;
    private final PhraseIndex<Lexicon.FactPhrase> phrases = new PhraseIndex<>();
    private final PhraseIndex<Lexicon.FactPhrase> relativePhrases = new PhraseIndex<>();
    private final PhraseIndex<String> joining = new PhraseIndex<>();
    private final JoinedRelative joined;
    private final PhraseIndex<String> durationCues = new PhraseIndex<>();
    /** Duration cues that may end a longer word ("交了" in 已交了), in the lexicon's order: word, fact. */
    private final List<String[]> durationEndings = new ArrayList<>();

    public FactExtractor(FactVocabulary vocabulary, Lexicon lexicon) {
        this(vocabulary, lexicon, null);
    }

    /** With the policy model, places a hukou is said to be in are read against the place asked about. */
    public FactExtractor(PolicyModel model, Lexicon lexicon) {
        this(model.vocabulary(), lexicon, model);
    }

    private FactExtractor(FactVocabulary vocabulary, Lexicon lexicon, PolicyModel model) {
        this.vocabulary = vocabulary;
        this.lexicon = lexicon;
        this.kin = new Kinship(lexicon);
        this.places = new Places(model, lexicon);
        this.splitter = new ClauseSplitter(lexicon, kin, places);
        for (Lexicon.FactPhrase p : lexicon.facts()) for (String w : p.words()) phrases.add(w, p);
        for (Lexicon.FactPhrase p : lexicon.relativeFacts()) for (String w : p.words()) relativePhrases.add(w, p);
        this.negation = new NegationScope(lexicon, relativePhrases);
        this.rhetoric = new Rhetoric(lexicon);
        this.writer = new FactWriter(vocabulary);
        lexicon.joining().forEach(w -> joining.add(w, w));
        joined = new JoinedRelative(lexicon.applicantCues().movingTo(), lexicon.relatives());
        hukouLocation = new HukouLocation(model, lexicon, places, phrases, joining, writer);
        schoolLocation = new SchoolLocation(model, places);
        living = new WhereOneLives(lexicon, kin, rhetoric, writer);
        homes = new HomeFacts(model, lexicon, kin);
        relativeFacts = new RelativeFacts(lexicon, kin, places, relativePhrases, joining, joined, negation, rhetoric, writer);
        for (Lexicon.DurationCue c : lexicon.durations()) for (String w : c.words()) durationCues.add(w, c.fact());
        for (Lexicon.DurationCue c : lexicon.durations()) {
            for (String w : c.words()) if (w.length() >= 2) durationEndings.add(new String[]{w, c.fact()});
        }
    }

    /**
     * What a message states.
     *
     * @param facts      the applicant's facts (and those of the relative they would join, as relative_* facts)
     * @param applicant  null when the speaker is the applicant, else who the applicant is to the speaker (child…)
     * @param rejected   impossible values, not stored
     * @param quantities the quantities a fact was read from or rejected for, by start offset
     */
    public record Extraction(Map<String, Object> facts, String applicant, List<Rejected> rejected, Set<Integer> quantities,
                             String hukouDocument) {
    }

    /** All words the segmenter must keep whole for this extractor to see them. */
    public Set<String> words() {
        Set<String> out = new HashSet<>(places.words());
        lexicon.facts().forEach(p -> out.addAll(p.words()));
        lexicon.relativeFacts().forEach(p -> out.addAll(p.words()));
        lexicon.relatives().values().forEach(out::addAll);
        out.addAll(lexicon.relativeHukou());
        lexicon.durations().forEach(d -> out.addAll(d.words()));
        out.addAll(lexicon.negation().before());
        out.addAll(lexicon.negation().after());
        // affirming words of three characters or more are kept whole ("户口在学校没迁走": 没迁走 says it is still there)
        lexicon.negation().affirm().stream().filter(w -> w.length() >= 3).forEach(out::add);
        return out;
    }

    /**
     * @param asked the fact the assistant just asked about, or null: a bare duration answers it
     * @param today for years given as calendar years (2019年毕业)
     */
    public Extraction extract(String text, List<Token> tokens, List<Quantity> quantities, String asked, LocalDate today) {
        return extract(text, tokens, quantities, asked, today, List.of());
    }

    /**
     * @param covered the covered places the message names (typos read), in order: the place asked about is the first
     *              that is not where the hukou is said to be
     */
    public Extraction extract(String text, List<Token> tokens, List<Quantity> quantities, String asked, LocalDate today,
                              List<Place> covered) {
        List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions = phrases.find(tokens);
        NegationScope.Marks marks = negation.marks(tokens, mentions);
        List<Clause> spoken = splitter.clauses(tokens);
        // a reply about the relative joined ("我儿子户口在村里" asked whether he is rural) names the one joined
        String applicant = asked != null && asked.startsWith("relative_") ? null : applicant(tokens, spoken, mentions, quantityTokens(tokens, quantities), asked);
        if (applicant != null && departed(tokens, spoken, applicant)) applicant = null;
        List<Clause> clauses = applicant == null ? spoken : fromApplicant(tokens, spoken, applicant);
        // "她是护士" answering a question about the applicant: 他/她 with nobody named is the one asked about
        if (asked != null && !asked.startsWith("relative_")) {
            List<Clause> answering = new ArrayList<>();
            for (Clause c : clauses) answering.add(SOMEONE.equals(c.relative()) ? c.about(null, true) : c);
            clauses = answering;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Set<String>> excluded = new HashMap<>();
        List<Runnable> ifUnset = new ArrayList<>();

        boolean self = applicant != null || tokens.stream().anyMatch(t -> kin.speaker(t.text()));
        boolean aboutRelative = asked != null && asked.startsWith("relative_"); // a reply about the relative
        List<Runnable> ifPersonal = new ArrayList<>();
        Set<Clause> continuing = Clause.continuing(clauses);
        boolean[] relativeWord = new boolean[tokens.size()];
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : relativePhrases.find(tokens)) for (int i = m.first(); i <= m.last(); i++) relativeWord[i] = true;
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
            Clause c = Clause.of(clauses, m.first());
            // "住在城里 户口在乡下", "执照有 户口在辽阳": 户口 opening the next clause, after a typed space, says where the
            // hukou is; it is not the end of a phrase begun before the space (城里户口, 有户口); "城镇 户口" typed word by
            // word, with nothing after it in its clause, is still one phrase
            if (m.last() > c.last() && hukouOpens(tokens, m.first(), m.last()) && m.last() < Clause.of(clauses, m.last()).last()) continue;
            // "职称没有 合同一年一签": a negator typed after a word of its own and then a space is that word's, not the
            // start of a phrase read across the space (没有合同)
            if (negation.negatorOfWordBefore(tokens, marks, m.first(), m.last())) continue;
            String clauseText = textOf(c);
            // "二连落户非得有房吗": a question about the rules, with nobody's case in it, states no fact
            if (ruleQuestion(tokens, c, clauseText)) continue;
            // "我刚才说没合同 其实签了": what an earlier message said, taken back, states nothing now
            if (Texts.containsAny(clauseText, lexicon.saidBefore())) continue;
            String beforeText = text(tokens, c.first(), m.first() - 1);
            // "她在村里，有宅基地": a clause with no subject of its own that goes on about a relative states the
            // relative's facts where the relative's words can say them
            if (continuing.contains(c) && relativeWord[m.first()]) continue;
            for (Lexicon.FactPhrase p : m.values()) {
                // "我儿子在吐鲁番有户口，还没成家": so is what a person is, in such a clause; a plan (想落户) stays the speaker's
                if (p.cueOnly()) continue;
                if (continuing.contains(c) && p.set() != null && lexicon.applicantCues().relativeContinues().stream().anyMatch(p.set()::containsKey)
                        && !(sharedMarriage(applicant, c, p) && spouseSpeaking(clauses, c))) continue;
                // a clause that opens with a relative ("我爸在赤峰买了房") states the relative's facts, not the applicant's
                if (c.relative() != null && c.explicit() && !together(tokens, c, applicant, p) && !sharedMarriage(applicant, c, p)
                        && !(applicant == null && givenToSpeaker(clauseText, p))
                        || p.subjectOnly() && aboutRelative) continue;
                if (p.needsVerb() != null && !Texts.containsAny(clauseText, p.needsVerb())) continue;
                if (p.inClauseWith() != null && p.inClauseWith().stream().noneMatch(w -> !w.equals(m.phrase()) && clauseText.contains(w))) continue;
                // "难道我没交社保吗", "我哪有合同": a rhetorical frame says the opposite of its surface
                Rhetoric.Frame frame = rhetoric.frame(tokens, c);
                boolean framed = frame != null && m.first() >= frame.inner(), reversed = framed && frame.reverses();
                boolean negated = negation.negated(tokens, marks, framed ? c.from(tokens, frame.inner()) : c, m.first(), m.last()) && !negation.madeGoodNext(tokens, marks, clauses, c);
                // what must come before an affirmed phrase need not come before a negated one ("还没办居住证")
                if (!negated && p.needsBefore() != null && p.needsBefore().stream().noneMatch(w -> w.equals(PLACE_BEFORE)
                        ? m.first() > c.first() && places.isPlace(tokens.get(m.first() - 1).text()) : beforeText.contains(w))) continue;
                if (p.inMessageWith() != null) {
                    // the rest of the message, the phrase left out: "事业单位" alone does not say 单位 twice
                    String rest = text(tokens, 0, m.first() - 1) + "|" + text(tokens, m.last() + 1, tokens.size() - 1);
                    if (!Texts.containsAny(rest, p.inMessageWith())) continue;
                }
                // "在铁岭没户口": what a word right before the phrase makes of it is said by another phrase
                if (p.notSoonAfter() != null && soonAfter(text, tokens.get(m.first()).start(), p.notSoonAfter())) continue;
                if (p.notAfter() != null && p.notAfter().stream().anyMatch(w -> w.equals(PLACE_BEFORE)
                        ? m.first() > c.first() && places.isPlace(tokens.get(m.first() - 1).text()) : beforeText.endsWith(w))) continue;
                if (p.notInClauseWith() != null && Texts.containsAny(clauseText, p.notInClauseWith())) continue;
                // "退伍军人户口能落…吗", "录取的学生迁户口…": a kind of people asked about, by someone who tells no case
                if (!self && ofAKind(tokens, c, m)) continue;
                if (p.notInMessageWith() != null && Texts.containsAny(text, p.notInMessageWith())) continue;
                Map<String, Object> values = reversed ? rhetoric.meant(p, negated) : negated ? p.negated() : p.set();
                if (values == null) continue;
                if (p.needsSelf()) ifPersonal.add(() -> writer.apply(values, facts, excluded, true));
                else if (p.ifUnset()) ifUnset.add(() -> writer.apply(values, facts, excluded, true));
                else writer.apply(values, facts, excluded, false);
            }
        }
        ifUnset.forEach(Runnable::run);
        String hukouDocument = hukouLocation.read(tokens, clauses, continuing, aboutRelative, covered, facts);
        if (!aboutRelative) {
            schoolLocation.read(tokens, clauses, continuing, covered, facts);
            living.relativeHome(tokens, clauses, continuing, facts);
            living.livingWithRelative(tokens, clauses, continuing, applicant, facts);
            homes.homeTown(tokens, clauses, continuing, mentions, facts);
            living.whereOneIs(tokens, clauses, asked, facts);
        }
        // "投靠父母有年龄限制吗", "要是把户口迁到我这": joining asked about as a rule, or as a what-if, joins nobody
        Set<Clause> unsaid = new HashSet<>();
        for (Clause c : clauses) if (ruleQuestion(tokens, c, textOf(c)) || whatIf(tokens, c)) unsaid.add(c);
        relativeFacts.read(tokens, marks, clauses, facts, asked, applicant, unsaid);
        if (!aboutRelative && !facts.containsKey("local_relative")) relativeFacts.joinedBy(Clause.without(text, tokens, unsaid), applicant, facts);
        if (applicant == null) homes.homeOwner(tokens, facts);
        else homes.ownHomeForRelative(tokens, spoken, applicant, facts);
        // "老公", "跟我姐": a reply to who the relative is names them
        if ("local_relative".equals(asked) && !facts.containsKey("local_relative")) {
            List<PhraseIndex.Match<String>> named = kin.find(tokens);
            if (!named.isEmpty()) facts.put("local_relative", named.get(0).values().get(0));
        }
        List<Rejected> rejected = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        quantities(text, tokens, clauses, quantities, asked, today, facts, rejected, used);
        // a student names the level they study at, not one they hold ("在读研究生", "读本科，大二")
        if (Boolean.TRUE.equals(facts.get("currently_student")) && facts.containsKey("education") && !facts.containsKey("enrolled_level")) {
            Object level = facts.remove("education");
            if (vocabulary.get("enrolled_level").valueIds().contains(level)) facts.put("enrolled_level", level);
        }
        // "能落户吗" is about the asker's own case when they say 我 or tell facts of their own; else it is general
        if (self || !facts.isEmpty() || !excluded.isEmpty()) ifPersonal.forEach(Runnable::run);
        for (Map.Entry<String, Set<String>> e : excluded.entrySet()) {
            if (!facts.containsKey(e.getKey())) facts.put(e.getKey(), writer.closeExclusion(e.getKey(), e.getValue()));
        }
        contractedGigWork(facts);
        return new Extraction(facts, unmarriedPartner(applicant, facts), rejected, used, hukouDocument);
    }

    /** "一个月都没断过", "一天也没停": not even a month missed says the time was unbroken, not that none was paid. */
    private static boolean unbroken(String text, int at) {
        for (String w : BREAKS) if (text.startsWith(w, at) || text.startsWith("有" + w, at)) return true;
        return false;
    }

    private static final List<String> BREAKS = List.of("断", "停", "间断", "中断", "落下", "欠", "耽误", "拉下");

    private static final List<String> SETTLES = List.of("落户", "办落户", "办理落户", "迁户口", "落户口", "的落户", "要落户", "来落户");

    /** Whether a token from first to last opens with 户口 right after a typed space. */
    private static boolean hukouOpens(List<Token> tokens, int first, int last) {
        for (int i = first + 1; i <= last; i++) {
            if (tokens.get(i).start() > tokens.get(i - 1).end() && tokens.get(i).text().startsWith("户口")) return true;
        }
        return false;
    }

    /** A clause that asks what the rules require ("一定要房本吗", "退伍军人落户带啥"), in a message that names no one (我, 我老婆). */
    private boolean ruleQuestion(List<Token> tokens, Clause c, String clauseText) {
        if (c == null || c.explicit() || c.relative() != null) return false;
        if (!Texts.containsAny(clauseText, lexicon.ruleQuestions())) return false;
        // "在聊城打工落户要带啥 我没签合同": the asker telling their case anywhere makes it about them
        for (Token t : tokens) if (kin.speaker(t.text())) return false;
        return true;
    }

    /**
     * "我是铁岭市区户口 结婚十年了 她能迁到我这不": a marriage said by the speaker whose spouse settles is the applicant's
     * marriage too.
     */
    private static boolean sharedMarriage(String applicant, Clause c, Lexicon.FactPhrase p) {
        return "spouse".equals(applicant) && (c.relative() == null || "spouse".equals(c.relative())) && p.set() != null
                && p.set().keySet().equals(Set.of("married"));
    }

    /** The last clause before [c] that names its subject is the speaker, seen from the spouse who settles. */
    private static boolean spouseSpeaking(List<Clause> clauses, Clause c) {
        Clause subject = null;
        for (Clause b : clauses) {
            if (b.first() >= c.first()) break;
            if (b.explicit()) subject = b;
        }
        return subject != null && "spouse".equals(subject.relative());
    }

    /**
     * "帮我妈问 …我们住一起", "我老伴想跟我投靠儿子 …我们跟他住": 我们 said by the speaker of a relative who settles takes
     * them in, so living together is theirs too.
     */
    /** "我妈送我的": a home a relative gave the speaker, told in the relative's clause, is the speaker's home. */
    private boolean givenToSpeaker(String clauseText, Lexicon.FactPhrase p) {
        if (p.set() == null || !Texts.containsAny(clauseText, lexicon.applicantCues().received())) return false;
        for (String k : p.set().keySet()) if (!k.equals("housing") && !k.startsWith("home_")) return false;
        return true;
    }

    private static boolean together(List<Token> tokens, Clause c, String applicant, Lexicon.FactPhrase p) {
        return applicant != null && PLURAL_SELF.contains(tokens.get(c.first()).text()) && p.set() != null
                && p.set().keySet().equals(Set.of("lives_with_relative"));
    }

    /**
     * The phrase names or describes a kind of people (外地人, 退伍军人; 外省大学毕业生, 签劳动合同的技工): a word of
     * lexicon.people_kinds ends it or follows it closely in its clause.
     */
    private boolean ofAKind(List<Token> tokens, Clause c, PhraseIndex.Match<Lexicon.FactPhrase> m) {
        if (Texts.endsWithAny(m.phrase(), lexicon.peopleKinds())) return true;
        String after = text(tokens, m.last() + 1, c.last());
        String near = after.substring(0, Math.min(after.length(), 5));
        return Texts.containsAny(near, lexicon.peopleKinds());
    }

    /** A clause that says what would be if ("要是把户口迁到我这", "如果买房"): a word of lexicon.hypothetical in it. */
    private boolean whatIf(List<Token> tokens, Clause c) {
        for (int i = c.first(); i <= c.last(); i++) if (lexicon.hypothetical().contains(tokens.get(i).text())) return true;
        String t = textOf(c);
        return lexicon.hypothetical().stream().anyMatch(w -> w.length() > 1 && t.contains(w));
    }

    /**
     * One of the words comes shortly before {@code at} with nothing between but what may spell a place ("户口在河北承德|农村",
     * "户口在赤峰的|农村"): no break, no verb of moving, living or wishing.
     */
    private static boolean soonAfter(String text, int at, List<String> words) {
        int from = Math.max(0, at - SOON);
        for (String w : words) {
            for (int i = text.lastIndexOf(w, at - w.length()); i >= from; i = text.lastIndexOf(w, i - 1)) {
                boolean placeOnly = true;
                for (int k = i + w.length(); k < at && placeOnly; k++) placeOnly = NOT_A_PLACE.indexOf(text.charAt(k)) < 0;
                if (placeOnly) return true;
            }
        }
        return false;
    }

    /** How far before a phrase {@link #soonAfter} looks, in characters: a prefecture and a county's name. */
    private static final int SOON = 10;
    /** Characters no place's name holds between a hukou's words and its countryside: breaks, and verbs that start a new statement. */
    private static final String NOT_A_PLACE = " ,.?!;:，。？！；：想回去迁住来到要能买租盖干做了过着是有没不也还都在";

    /** Every clause that names the relative says, right after, that they have died ("我爸前年去世了"). */
    private boolean departed(List<Token> tokens, List<Clause> clauses, String relative) {
        boolean named = false;
        for (Clause c : clauses) {
            if (!relative.equals(c.relative()) || !c.explicit()) continue;
            String said = textOf(c);
            boolean died = false;
            for (String w : lexicon.applicantCues().departed()) {
                int at = said.indexOf(w);
                if (at >= 0 && at <= DEPARTED_WITHIN) died = true;
            }
            if (!died) return false;
            named = true;
        }
        return named;
    }

    /** How far into a relative's clause a word of dying may come: the relative's word and a time (我老父亲前几年). */
    private static final int DEPARTED_WITHIN = 8;

    /**
     * Who would settle, when it is not the person typing: a relative asked for ("帮我儿子问一下"), a relative who is
     * the subject of settling ("他能落户吗", "我孙子想去聊城落户"), or a relative whose plans come before a
     * subjectless "能落户不" ("我孙子大专毕业了，想去聊城工作，能落户不").
     */
    private String applicant(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                             Set<Integer> quantityAt, String asked) {
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        for (int i = 0; i < tokens.size(); i++) {
            if (!cues.askingFor().contains(tokens.get(i).text())) continue;
            int j = i + 1;
            while (j < tokens.size() && kin.speaker(tokens.get(j).text())) j++;
            if (j >= tokens.size()) break;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(j, Math.min(tokens.size(), j + 2)));
            String who;
            int after;
            if (!r.isEmpty() && r.get(0).first() == 0) {
                who = r.get(0).values().get(0);
                after = j + r.get(0).last() + 1;
            } else if (PRONOUNS.contains(tokens.get(j).text())) {
                // "替他们问问": whoever was named last
                who = null;
                for (Clause c : clauses) if (c.first() < j && c.relative() != null && !c.relative().equals(SOMEONE)) who = c.relative();
                after = j + 1;
            } else {
                // "帮我判断下我儿子…", "帮我删掉我爸的信息": the doing first, then whom it is for
                String named = doneFor(tokens, j, cues);
                if (named != null) return named;
                continue;
            }
            if (who == null) continue;
            for (int k = after; k < Math.min(tokens.size(), after + 4); k++) {
                if (doing(tokens.get(k).text(), cues)) return who;
            }
        }
        String named = named(tokens, cues);
        if (named != null) return named;
        String joiner = joiner(tokens, clauses);
        if (joiner != null) return joiner;
        // "我老婆落户要交钱吗", "我爸办落户要多久": a relative named right before settling is the one who settles
        for (Clause c : clauses) {
            if (c.relative() == null || c.relative().equals(SOMEONE) || !c.explicit()) continue;
            int k = c.first();
            while (k <= c.last() && (kin.speaker(tokens.get(k).text()) || tokens.get(k).text().equals("是"))) k++;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(k, Math.min(c.last() + 1, k + 2)));
            if (r.isEmpty() || r.get(0).first() != 0) continue;
            String after = text(tokens, k + r.get(0).last() + 1, c.last());
            if (Texts.startsWithAny(after, SETTLES)) return c.relative();
        }
        String brought = brought(tokens, clauses);
        if (brought != null) return brought;
        // joining someone: the relative is the one joined, unless the one joined is the speaker ("我爸妈…想投靠我")
        if (joining.occursIn(tokens)) {
            JoinedRelative.Joined j = joined.find(text(tokens, 0, tokens.size() - 1));
            if (j == null || !j.speaker()) return null;
        }
        // "我老婆是外地的 在二连医院当护士 签了合同": a message that tells a relative's own situation, and nothing of the
        // speaker's, is about the relative
        String told = toldAbout(tokens, clauses, mentions, quantityAt);
        // "我妈送我的 过户手续都办完了": what a relative gave the speaker is the speaker's case
        if (told != null && !Texts.containsAny(text(tokens, 0, tokens.size() - 1), cues.received())) return told;
        String chain = null, spokenBefore = null;
        boolean planned = false;
        for (Clause c : clauses) {
            String clauseText = textOf(c);
            // "配偶和子女能一起迁吗" asks who may come along, not who settles
            boolean settling = settling(tokens, c, mentions) && !Texts.containsAny(clauseText, lexicon.familyAlong());
            if (c.relative() != null && !c.relative().equals(SOMEONE)) {
                if (settling) return c.relative();
                chain = c.relative();
                planned = false;
            } else if (c.explicit() && c.relative() == null) {
                if (chain != null) spokenBefore = chain;
                chain = null; // 我…: the speaker again
            }
            if (chain != null && Texts.containsAny(clauseText, cues.plans())) planned = true;
            // "我外婆八十五了，住我家，想落到铁岭": wanting to settle, said on about a relative, is the relative's wish
            if (c.relative() == null && !c.explicit() && settling && chain != null && (planned || wanting(tokens, c, mentions))) return chain;
            // "我孙女刚出生 能直接落我户口上吗": settling onto the speaker is not the speaker's own settling
            // …and so is settling onto another relative's ("我奶奶…户口在宁城 能迁到我爸户口上吗")
            // (not onto the one named: "住我哥家 我哥是聊城户口 能落我哥户口本上吗" is the speaker joining him)
            JoinedRelative.Joined onto = c.relative() == null && !c.explicit() && settling && chain != null ? joined.find(textOf(c)) : null;
            if (onto != null && (onto.speaker() || onto.relation() != null && !onto.relation().equals(chain))) return chain;
            if (c.relative() == null && !c.explicit() && settling && chain == null && ontoSpeakerAfterOwnWords(tokens, c, spokenBefore)) return spokenBefore;
        }
        String sole = "local_relative".equals(asked) ? null : soleRelativeOpening(tokens, clauses, mentions, quantityAt);
        if (sole != null) return sole;
        return ellipticalRelative(tokens, clauses);
    }

    /**
     * "俺儿媳妇跨省迁户口 还用两头跑不", "俺闺女说她再想想": a message opened by one relative, naming no one else and never
     * the speaker alone again, is about that relative (as the labelled sets have it); a relative said to have died or to
     * have given the speaker something leaves the speaker's own matter, one coming along (俺爹也想一块迁) is no applicant,
     * and one said only to hold a hukou here (我公婆是松山区城里户口) is the one joined.
     */
    private String soleRelativeOpening(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                                       Set<Integer> quantityAt) {
        if (clauses.isEmpty()) return null;
        Clause first = clauses.get(0);
        if (first.relative() == null || first.relative().equals(SOMEONE) || !first.explicit()) return null;
        // opened by the speaker's word for their own (我/俺/我家…): "大姐你好" only addresses someone
        int k = kin.skipSelf(tokens, first.first(), first.last());
        if (k == first.first() || kin.relativeAt(tokens, k, first.last()) == null) return null;
        if (hukouHereOnly(tokens, clauses, first.relative(), mentions, quantityAt)) return null;
        for (Clause c : clauses) if (c.explicit() && c.relative() == null) return null;
        Set<String> named = new HashSet<>();
        for (PhraseIndex.Match<String> m : kin.find(tokens)) named.addAll(m.values());
        if (named.size() != 1) return null;
        String all = text(tokens, 0, tokens.size() - 1);
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        if (Texts.containsAny(all, cues.departed()) || Texts.containsAny(all, cues.received()) || Texts.containsAny(all, lexicon.familyAlong())) return null;
        return first.relative();
    }

    /**
     * "那俺闺女呢": a short follow-up that names one relative and ends in a particle of ellipsis asks for that relative;
     * so does one that opens so and goes on about them ("那我媳妇呢 她有房本").
     */
    private String ellipticalRelative(List<Token> tokens, List<Clause> clauses) {
        String all = Normalizer.bare(text(tokens, 0, tokens.size() - 1));
        List<Token> asked = tokens;
        if (all.length() > 12 || !Texts.endsWithAny(all, lexicon.elliptical())) {
            if (clauses.isEmpty() || !Understander.opensWithEllipsis(textOf(clauses.get(0)), lexicon)) return null;
            asked = tokens.subList(clauses.get(0).first(), clauses.get(0).last() + 1);
        }
        Set<String> named = new HashSet<>();
        for (PhraseIndex.Match<String> m : kin.find(asked)) named.addAll(m.values());
        return named.size() == 1 ? named.iterator().next() : null;
    }

    /**
     * "我外孙六岁 … 我们老两口是开原户口 能迁到我们本上吗": a hukou moved onto the speaker's register cannot be the speaker's
     * own settling, so it is the relative told of before the speaker's own words.
     */
    private boolean ontoSpeakerAfterOwnWords(List<Token> tokens, Clause c, String spokenBefore) {
        if (spokenBefore == null) return false;
        JoinedRelative.Joined onto = joined.find(textOf(c));
        return onto != null && onto.speaker();
    }

    /**
     * A relative the speaker would bring here: 把/让 and the relative (or 他/她 for one named before), then a word of
     * settling in the same clause ("想把她接过来落户", "想让他们投靠我", "想把老婆户口也弄过来").
     */
    private String brought(List<Token> tokens, List<Clause> clauses) {
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        if (cues.bringing().isEmpty()) return null;
        for (Clause c : clauses) {
            for (int i = c.first(); i < c.last(); i++) {
                String t = tokens.get(i).text();
                int at;
                String pronoun = null;
                if (cues.bringing().contains(t)) {
                    at = i + 1;
                    if (PRONOUNS_AND_PAIRS.contains(tokens.get(at).text())) pronoun = tokens.get(at).text();
                } else if (t.length() > 1 && cues.bringing().contains(t.substring(0, 1)) && PRONOUNS_AND_PAIRS.contains(t.substring(1))) {
                    at = i; // "让他" typed as one word
                    pronoun = t.substring(1);
                } else {
                    continue;
                }
                String who = null;
                int rest;
                PhraseIndex.Match<String> own = pronoun != null && pronoun.length() == 1 && at + 1 <= c.last() && staffSpeaking(tokens, i)
                        ? kin.relativeAt(tokens, at + 1, c.last()) : null;
                if (own != null) {
                    // "申请人想把他母亲迁来": staff's 他 before a relative is the one they serve, who speaks as 我 does
                    who = own.values().get(0);
                    rest = at + 1 + own.last() + 1;
                } else if (pronoun != null) {
                    for (Clause b : clauses) {
                        if (b.first() >= c.first()) break;
                        if (b.relative() != null && !b.relative().equals(SOMEONE)) who = b.relative();
                    }
                    rest = at + 1;
                } else {
                    int from = skipWhence(tokens, at, c.last());
                    PhraseIndex.Match<String> r = kin.relativeAt(tokens, from, c.last());
                    if (r == null) continue;
                    who = r.values().get(0);
                    rest = from + r.last() + 1;
                }
                if (who == null) continue;
                String after = text(tokens, rest, c.last()) + afterAside(tokens, clauses, c);
                // "想把父母的户口也迁过来": brought along with the speaker, who is the one settling
                if (Texts.containsAny(after, ALONG)) continue;
                if (Texts.containsAny(after, cues.bringingVerbs())) return who;
            }
        }
        return null;
    }

    /**
     * The clause that goes on after an aside in brackets right after clause [c] ("想把他儿子（16岁 户口在河南）迁到哈密":
     * 迁到哈密 is the verb of 把他儿子), or "".
     */
    private static String afterAside(List<Token> tokens, List<Clause> clauses, Clause c) {
        int open = c.last() + 1;
        if (open >= tokens.size() || !OPENING.contains(tokens.get(open).text())) return "";
        for (int k = open + 1; k < tokens.size(); k++) {
            if (!CLOSING.contains(tokens.get(k).text())) continue;
            Clause next = k + 1 < tokens.size() ? Clause.of(clauses, k + 1) : null;
            return next == null || next.first() <= k ? "" : next.text();
        }
        return "";
    }

    private static final Set<String> OPENING = Set.of("（", "(");
    private static final Set<String> CLOSING = Set.of("）", ")");

    /** A staff word for the one served (申请人, the lexicon's speaker words) comes before the token. */
    private boolean staffSpeaking(List<Token> tokens, int before) {
        for (int k = 0; k < before; k++) if (lexicon.applicantCues().speaker().contains(tokens.get(k).text())) return true;
        return false;
    }

    /** Words that bring someone along with the speaker ("也迁过来", "一起落"), not on their own. */
    private static final List<String> ALONG = List.of("也", "一起", "一块", "一同", "跟着");

    /** 他/她 and the words for two of them (他俩): whom 把/让 may bring. */
    private static final Set<String> PRONOUNS_AND_PAIRS = Set.of("他", "她", "他们", "她们", "他俩", "她俩", "他们俩", "她们俩", "二老");

    /** A word of asking or of doing something on someone's behalf (问, 咨询; 办, 准备, 判断). */
    private static boolean doing(String token, Lexicon.ApplicantCues cues) {
        return Texts.startsWithAny(token, cues.askingVerbs()) || Texts.startsWithAny(token, cues.actingVerbs());
    }

    /** After 帮我/替我, a word of doing and then 我 and a relative within a few words: that relative. */
    private String doneFor(List<Token> tokens, int at, Lexicon.ApplicantCues cues) {
        if (!doing(tokens.get(at).text(), cues)) return null;
        for (int k = at + 1; k < Math.min(tokens.size() - 1, at + 4); k++) {
            if (!kin.speaker(tokens.get(k).text())) continue;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(k + 1, Math.min(tokens.size(), k + 3)));
            if (!r.isEmpty() && r.get(0).first() == 0) return r.get(0).values().get(0);
        }
        return null;
    }

    /**
     * A relative the message names as the one it is about: after a word of naming ("前面说的是我闺女", "这回问我儿子的"),
     * or set against another in a correction ("她是我婆婆不是我妈").
     */
    private String named(List<Token> tokens, Lexicon.ApplicantCues cues) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String t = tokens.get(i).text();
            // "说的是我闺女" ends in 是 too: a word of naming is read before a contrast
            boolean naming = false;
            for (int k = 0; k < cues.naming().size() && !naming; k++) naming = endsWith(tokens, 0, i, cues.naming().get(k));
            boolean contrast = !naming && t.equals("是");
            if (!contrast && !naming) continue;
            int j = i + 1;
            while (j < tokens.size() && kin.speaker(tokens.get(j).text())) j++;
            if (j >= tokens.size()) continue;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(j, Math.min(tokens.size(), j + 2)));
            if (r.isEmpty() || r.get(0).first() != 0) continue;
            int next = j + r.get(0).last() + 1;
            if (contrast && (next >= tokens.size() || !tokens.get(next).text().startsWith("不是"))) continue;
            return r.get(0).values().get(0);
        }
        return null;
    }

    /**
     * A named relative who would join someone: the speaker ("我妈想投靠我") or another relative of the speaker's
     * ("我外公外婆都八十了 想投靠我妈"); a clause with no subject of its own goes on about the relative named last.
     */
    private String joiner(List<Token> tokens, List<Clause> clauses) {
        String named = null;
        for (Clause c : clauses) {
            if (c.relative() != null && !c.relative().equals(SOMEONE)) named = c.relative();
            else if (c.relative() == null && c.explicit()) named = null;
            String subject = c.relative() != null && !c.relative().equals(SOMEONE) ? c.relative()
                    : c.relative() == null && c.explicit() ? null : named;
            if (subject == null) continue;
            List<Token> part = tokens.subList(c.first(), c.last() + 1);
            for (PhraseIndex.Match<String> j : joining.find(part)) {
                int k = j.last() + 1;
                if (k >= part.size()) continue;
                boolean speaker = kin.speaker(part.get(k).text());
                // "想投靠她老公": the relative's own relative, named after 她
                boolean theirs = PRONOUNS.contains(part.get(k).text());
                List<PhraseIndex.Match<String>> r = kin.find(part.subList(speaker || theirs ? k + 1 : k, Math.min(part.size(), k + 3)));
                boolean relative = !r.isEmpty() && r.get(0).first() == 0;
                // "…儿子茌平城区户口 投靠儿子要啥手续": nobody joins themselves; the one joining is the speaker
                if (relative && c.relative() == null && r.get(0).values().get(0).equals(subject)) continue;
                // "我兄弟在二连上班 他媳妇能投靠他吗": a relative of the speaker's joining another one, named before
                boolean another = theirs && !relative && c.relative() != null && c.explicit() && !c.relative().equals(SOMEONE)
                        && PRONOUNS.contains(part.get(0).text());
                if (speaker || relative || another) return subject;
            }
        }
        return null;
    }

    /**
     * The relative a message is about: the subject of its first clause that names one, when the clauses about them
     * state facts of the applicant's kind (work, home, schooling, age…) and no clause speaks of the speaker (我…).
     */
    private String toldAbout(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                             Set<Integer> quantityAt) {
        String who = null;
        boolean facts = false;
        // "我是银州区户口 在铁岭市里有房 我岳母七十五…", "我在县城开超市 是县城户口": the speaker whose own hukou is here
        // (in town) is the one a relative would join, whatever else the speaker tells of themselves
        boolean joinedSpeaker = speakerHukouHere(tokens, clauses, mentions);
        boolean speakerSaid = false; // the last clause with a subject was the speaker's
        for (Clause c : clauses) {
            // "我妈说她社保交了一年零一个月": a length of time or an age is a fact of theirs too
            boolean quantity = quantityAt.stream().anyMatch(i -> i >= c.first() && i <= c.last());
            // 我…: the speaker's own case ("我能落户吗"), unless it only says where they are ("我们在阿鲁科尔沁旗")
            if (c.relative() == null && c.explicit()) {
                speakerSaid = true;
                String said = SPEAKER_FIRST.matcher(textOf(c)).replaceFirst("");
                // "我更正下", "我刚才说成大专了": the speaker speaks of what was said, not of their own case
                if (Texts.containsAny(said, lexicon.applicantCues().aboutWhatWasSaid())) continue;
                boolean whereOnly = said.startsWith("在") && !said.contains("户口") && !said.contains("户籍");
                // "我妈六十出头 户口在沈阳 住我家 我是铁岭户口": the speaker's own hukou, said after a relative's case, is
                // where the relative would join them
                boolean ownHukou = who != null && OWN_HUKOU_HERE.matcher(said).matches() && !clauseHasFact(c, mentions, HUKOU_KIND);
                if (joinedSpeaker && !settling(tokens, c, mentions)) continue;
                if (!ownHukou && (!whereOnly || clauseHasFact(c, mentions)) || quantity || settling(tokens, c, mentions)) return null;
                continue;
            }
            if (c.relative() != null && !c.relative().equals(SOMEONE)) {
                speakerSaid = false;
                if (who != null && !who.equals(c.relative())) {
                    // "我姐在塔城当护士… 我姐夫是塔城户口": a second relative said only to hold hukou here is the one joined
                    if (hukouHereOnly(tokens, c, mentions, quantity)) continue;
                    // "宅基地跟地都给了俺哥": a relative named after the clause's own words, or telling nothing of their own,
                    // is no second case
                    if (kin.relativeAt(tokens, kin.skipSelf(tokens, c.first(), c.last()), c.last()) == null && !PRONOUNS.contains(tokens.get(c.first()).text())
                            || facts && !quantity && !clauseHasFact(c, mentions) && !HUKOU_STILL_THERE.matcher(c.text()).find()) continue;
                    if (facts || !hukouHereOnly(tokens, clauses, who, mentions, quantityAt)) return null; // two relatives: leave it to the joining rules
                    facts = false;
                }
                who = c.relative();
            }
            if (joinedSpeaker && speakerSaid && c.relative() == null) continue; // the speaker's own, said on
            if (who == null) {
                if (c.relative() == null && (clauseHasFact(c, mentions) || quantity)) return null; // facts before anyone is named
                continue;
            }
            // "我公婆是松山区城里户口": what kind of hukou a relative holds is said of the one to be joined as often as of
            // the one who would settle, so it alone does not make the message theirs
            if (clauseHasFact(c, mentions, HUKOU_KIND) || quantity) facts = true;
        }
        return facts ? who : null;
    }

    /**
     * The speaker says their own hukou is here, in town: a clause of 我 ("我是银州区户口", "我跟我老公都是喀什户口") or one
     * going on about the speaker ("我在县城开超市 是县城户口", "我在东昌府区买的二手房 户口也在东昌府"), stating no other hukou fact.
     */
    private boolean speakerHukouHere(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        boolean speaker = false, here = false;
        for (Clause c : clauses) {
            if (c.relative() != null) speaker = false;
            else if (c.explicit()) speaker = true;
            if (!speaker || c.relative() != null) continue;
            // "我…户口在赤峰市里 想迁到阿旗他那": the speaker who would move is the one settling
            if (settling(tokens, c, mentions)) return false;
            String said = SPEAKER_FIRST.matcher(textOf(c)).replaceFirst("");
            if ((OWN_HUKOU_HERE.matcher(said).matches() || OWN_HUKOU_IN.matcher(said).matches()) && !places.uncovered(tokens.subList(c.first(), c.last() + 1))) here = true;
        }
        return here;
    }

    /** The clause of a relative says only that they hold hukou here, in town ("我姐夫是塔城户口", "我哥是伊宁市户口"). */
    private boolean hukouHereOnly(List<Token> tokens, Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions, boolean quantity) {
        if (quantity || clauseHasFact(c, mentions, HUKOU_KIND)) return false;
        int k = kin.skipSelf(tokens, c.first(), c.last());
        PhraseIndex.Match<String> r = kin.relativeAt(tokens, k, c.last());
        if (r == null) return false;
        String said = text(tokens, k + r.last() + 1, c.last());
        return (OWN_HUKOU_HERE.matcher(said).matches() || OWN_HUKOU_IN.matcher(said).matches()) && !places.uncovered(tokens.subList(c.first(), c.last() + 1));
    }

    /** Every clause about [who] says only that they hold hukou here: the one joined, not the one told about. */
    private boolean hukouHereOnly(List<Token> tokens, List<Clause> clauses, String who, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                                  Set<Integer> quantityAt) {
        boolean any = false;
        for (Clause c : clauses) {
            if (!who.equals(c.relative()) || !c.explicit()) continue;
            boolean quantity = quantityAt.stream().anyMatch(i -> i >= c.first() && i <= c.last());
            if (!hukouHereOnly(tokens, c, mentions, quantity)) return false;
            any = true;
        }
        return any;
    }

    /** "户口还在我们法库", "户口还没迁": a relative's hukou said to be still elsewhere makes them a case of their own. */
    private static final java.util.regex.Pattern HUKOU_STILL_THERE = java.util.regex.Pattern.compile("(户口|户籍)(还在|还是|还没|没迁|仍在)");

    /** What a hukou said to be held in town must not go on to say: that it is in the countryside or elsewhere. */
    private static final String NOT_IN_TOWN = "(?!.*(农村|村里|乡下|外地|外省|农业|老家))";

    /** "户口也在东昌府", "户口早迁过来了": a hukou said to be here, in town. */
    private static final java.util.regex.Pattern OWN_HUKOU_IN = java.util.regex.Pattern.compile(
            "^(的)?(户口|户籍)(也|就|早|早就|已经)?(在|落|落在|迁到|迁过来|落过来|迁来)" + NOT_IN_TOWN + "\\p{IsHan}{0,8}?了?$");

    /** "是铁岭户口", "是县城户口", "是乌市的户口": the speaker's hukou, held in a town (not 农村, not 外地). */
    private static final java.util.regex.Pattern OWN_HUKOU_HERE = java.util.regex.Pattern.compile(
            "^((跟|和)\\p{IsHan}{1,4}?)?(都|就|也)?是" + NOT_IN_TOWN + "\\p{IsHan}{1,8}?(的)?(户口|户籍)$");
    /** The speaker's word opening a clause. */
    private static final java.util.regex.Pattern SPEAKER_FIRST = java.util.regex.Pattern.compile("^(我们|我|俺们|俺|咱们|咱)");

    /** The tokens where a usable duration or age starts. */
    private static Set<Integer> quantityTokens(List<Token> tokens, List<Quantity> quantities) {
        Set<Integer> out = new HashSet<>();
        for (Quantity q : quantities) if (q.usable() && q.year() == null) out.add(tokenAt(tokens, q.start()));
        return out;
    }

    /** The clauses seen from the applicant, a relative of the speaker: the speaker becomes the applicant's relative. */
    private List<Clause> fromApplicant(List<Token> tokens, List<Clause> spoken, String applicant) {
        String applicantWord = kin.wordOf(tokens, applicant);
        List<Clause> out = new ArrayList<>();
        for (Clause c : spoken) {
            String r = c.relative();
            if (applicant.equals(r) || SOMEONE.equals(r)) out.add(c.about(null, true));
            // "我们结婚了", "俺们俩领证了": the speaker and the spouse who settles, both
            else if (r == null && c.explicit() && "spouse".equals(applicant) && COUPLE.contains(tokens.get(c.first()).text())) out.add(c.about(null, true));
            else if (r == null && c.explicit()) out.add(c.about(Kinship.inverse(applicant), true));
            else if (r != null) {
                PhraseIndex.Match<String> word = kin.relativeAt(tokens, kin.skipSelf(tokens, c.first(), c.last()), c.last());
                out.add(c.about(kin.compose(applicant, applicantWord, r, word == null ? null : word.phrase()), c.explicit()));
            }
            else out.add(c);
        }
        return out;
    }

    private void quantities(String text, List<Token> tokens, List<Clause> clauses, List<Quantity> quantities,
                            String asked, LocalDate today, Map<String, Object> facts, List<Rejected> rejected, Set<Integer> used) {
        List<PhraseIndex.Match<String>> cues = durationCues(tokens);
        Integer statedAge = null;
        Set<Integer> ages = new HashSet<>();
        // "我38岁 儿子16岁": the one age said in a clause that names the applicant as its subject, if only one is
        Integer ownAge = null;
        boolean ownAges = false;
        for (Quantity q : quantities) {
            if (q.age() == null || !q.usable() || text.startsWith("不是", Math.max(0, q.start() - 2))) continue;
            statedAge = q.age();
            if (Texts.containsAny(text.substring(Math.max(0, q.start() - 3), q.start()), CHILDREN_BY_ORDER)) continue; // 老大10岁
            ages.add(q.age());
            if (!Clause.saysOwn(Clause.of(clauses, tokenAt(tokens, q.start())))) continue;
            ownAges |= ownAge != null && !ownAge.equals(q.age());
            ownAge = q.age();
        }
        if (ownAges) ownAge = null;
        // "我爸六十七，我妈六十五": two people's ages, and nothing says whose case it is, unless one is the applicant's own
        boolean severalAges = ages.size() > 1;
        for (Quantity q : quantities) {
            if (text.startsWith("不是", Math.max(0, q.start() - 2))) continue; // "住了六年，不是六个月": the value put right
            // "再交四个月", "还差两个月": time still to come, not time had
            if (MORE_TO_COME.stream().anyMatch(w -> text.startsWith(w, Math.max(0, q.start() - w.length())))) continue;
            // "一个月没断": a time said not to have been broken off is no time had
            if (q.duration() && (unbroken(text, q.end() + 1) && text.startsWith("没", q.end()) || unbroken(text, q.end() + 2) && text.startsWith("没有", q.end()))) {
                used.add(q.start());
                continue;
            }
            // "一个月都没交": not even that long, i.e. none
            if (text.startsWith("都没", q.end()) || text.startsWith("也没", q.end())) {
                if (q.duration() && q.months() <= 1 && !unbroken(text, q.end() + 2)) {
                    int after = Math.min(tokens.size() - 1, tokenAt(tokens, q.end()) + 1);
                    String fact = cueFor(cues, clauses, after, Clause.of(clauses, after));
                    if (fact == null && asked != null && vocabulary.get(asked).type().numeric()) fact = asked;
                    if (fact != null) writer.put(facts, fact, 0);
                    used.add(q.start());
                }
                continue;
            }
            int at = tokenAt(tokens, q.start());
            Clause c = Clause.of(clauses, at);
            // "要不要先交够一年社保才行": a length asked about as a rule is nobody's
            if (ruleQuestion(tokens, c, textOf(c))) continue;
            boolean aboutRelative = c != null && c.relative() != null && c.explicit();
            String written = text.substring(q.start(), q.end());
            if (q.age() != null) {
                // "俩孩子…大的5岁小的才满月": the children's ages, not the one typing
                String lead = text.substring(Math.max(0, q.start() - 3), q.start());
                if (Texts.containsAny(lead, CHILDREN_BY_ORDER)) continue;
                String fact = !aboutRelative && !"relative_adult".equals(asked) ? lexicon.ageFact()
                        : "relative_adult".equals(asked) || c != null && "child".equals(c.relative()) ? "relative_adult" : null;
                if (fact == null || severalAges && fact.equals(lexicon.ageFact()) && q.usable()
                        && !(q.age().equals(ownAge) && Clause.saysOwn(Clause.of(clauses, tokenAt(tokens, q.start()))))) continue;
                used.add(q.start());
                if (!q.usable()) rejected.add(new Rejected(fact.equals("relative_adult") ? null : fact, written, q.problem()));
                else if (fact.equals("relative_adult")) facts.put("relative_adult", q.age() >= 18);
                else writer.put(facts, fact, (double) q.age());
                continue;
            }
            if (q.year() != null) {
                // "2019年毕业", "2019年大专毕业"
                String after = text.substring(q.end(), Math.min(text.length(), q.end() + 6));
                if (after.contains("毕业") && !aboutRelative) {
                    writer.put(facts, "graduation_years", (double) Math.max(0, today.getYear() - q.year()));
                    used.add(q.start());
                }
                continue;
            }
            PhraseIndex.Match<String> cue = cueAt(cues, at, c);
            String fact = cue == null ? null : cue.values().get(0);
            // "在私企干了三年": a time of work is no fact's, nor the insurance's named a clause before
            if (Lexicon.DurationCue.UNMEASURED.equals(fact)) continue;
            if (aboutRelative && !"child_school_years".equals(fact)) continue; // the child's schooling is theirs
            if (fact == null && asked != null && vocabulary.get(asked).type().numeric()) fact = asked;
            if (fact == null) {
                if (!q.usable()) rejected.add(new Rejected(null, written, q.problem()));
                continue;
            }
            used.add(q.start());
            String problem = q.problem();
            // a time here longer than the life the message states
            if (problem == null && statedAge != null && q.months() > statedAge * 12.0 + 12) problem = Quantity.BEYOND_LIFETIME;
            if (problem != null) {
                rejected.add(new Rejected(fact, written, problem));
                facts.remove(fact);
                continue;
            }
            Fact f = vocabulary.get(fact);
            writer.put(facts, fact, f.type() == FactType.MONTHS ? (double) Math.round(q.months()) : q.months() / 12.0);
            // "租房住了一年多", "公租房 我在里面住了两年": living that long in a rented home is renting it that long
            if (fact.equals("residence_months") && cue != null && cue.phrase().startsWith("住") && RENTED.contains(String.valueOf(facts.get("housing")))
                    && !facts.containsKey("lease_months") && rentedBefore(text, q.start())) {
                writer.put(facts, "lease_months", Math.round(q.months()));
            }
        }
    }

    /** "直播带货 签的传媒公司 劳动合同有": work of the gig kind under a labour contract is a job (GUIDE: 签了劳动合同 → employee). */
    private static void contractedGigWork(Map<String, Object> facts) {
        if (Boolean.TRUE.equals(facts.get("labor_contract")) && "flexible".equals(facts.get("employment"))) facts.put("employment", "employee");
    }

    /**
     * "我老公是二连户口 可我们没领证", "对象…还没结婚": a partner one is said not to be married to is no spouse in law, so
     * the relative joined, or asked for, is another person; returns the applicant.
     */
    private static String unmarriedPartner(String applicant, Map<String, Object> facts) {
        if (!Boolean.FALSE.equals(facts.get("married"))) return applicant;
        if ("spouse".equals(facts.get("local_relative"))) facts.put("local_relative", "other");
        return "spouse".equals(applicant) ? "other" : applicant;
    }

    private static final Set<String> RENTED = Set.of("rent", "public_rental");

    /**
     * "住了五年了 房子是租的" lived there that long and rents now: only a rented home named before the time, or renting
     * said to span it ("住了十来年了一直是租房子住的"), is renting that long.
     */
    private static boolean rentedBefore(String text, int at) {
        return text.lastIndexOf('租', at) >= 0 || RENTING_THROUGHOUT.matcher(text).find();
    }

    private static final java.util.regex.Pattern RENTING_THROUGHOUT = java.util.regex.Pattern.compile("(?:一直|始终|都是)(?:都|是|在)?(?:是|在)?租");

    /**
     * Duration cues: whole-token matches, and cues of two or more characters ending a longer token, since the
     * segmenter may keep "大专毕业" whole while "毕业" is the cue.
     */
    private List<PhraseIndex.Match<String>> durationCues(List<Token> tokens) {
        List<PhraseIndex.Match<String>> out = new ArrayList<>(durationCues.find(tokens));
        boolean[] covered = new boolean[tokens.size()];
        for (PhraseIndex.Match<String> m : out) for (int i = m.first(); i <= m.last(); i++) covered[i] = true;
        List<String> negators = lexicon.negation().prefixes();
        tokens:
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i]) continue;
            String t = tokens.get(i).text();
            // "没社保 住出租屋两年多": what is said not to be had measures no time
            for (int n = 0; n < negators.size(); n++) if (t.startsWith(negators.get(n))) continue tokens;
            for (String[] e : durationEndings) {
                if (t.length() > e[0].length() && t.endsWith(e[0])) {
                    out.add(new PhraseIndex.Match<>(i, i, e[0], List.of(e[1])));
                    break;
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(PhraseIndex.Match::first));
        return out;
    }

    /** The fact of the duration cue nearest the quantity ({@link #cueAt}). */
    private static String cueFor(List<PhraseIndex.Match<String>> cues, List<Clause> clauses, int at, Clause c) {
        PhraseIndex.Match<String> pick = cueAt(cues, at, c);
        return pick == null ? null : pick.values().get(0);
    }

    /** The duration cue nearest before the quantity in its clause, else after it, else in earlier clauses. */
    private static PhraseIndex.Match<String> cueAt(List<PhraseIndex.Match<String>> cues, int at, Clause c) {
        PhraseIndex.Match<String> before = null, after = null, earlier = null;
        for (PhraseIndex.Match<String> m : cues) {
            boolean same = c != null && m.first() >= c.first() && m.last() <= c.last();
            if (same && m.last() < at) before = m;
            else if (same && m.first() > at && after == null) after = m;
            else if (!same && m.last() < at) earlier = m;
        }
        return before != null ? before : after != null ? after : earlier;
    }

    /** In needs_before: a place named right before the phrase ("乌鲁木齐买房能落户吗" as "在乌鲁木齐买房"). */
    private static final String PLACE_BEFORE = "@place";
    private static final List<String> CHILDREN_BY_ORDER = List.of("大的", "小的", "老大", "老二", "老三", "大的才", "小的才");
    private static final List<String> MORE_TO_COME = List.of("再", "再等", "在等", "再交", "再住", "再租", "还差", "还要", "还得", "差");
    /** The speaker and their spouse together ("我俩领证了"). */
    private static final Set<String> COUPLE = Set.of("我们", "俺们", "咱们", "我俩", "俺俩", "咱俩", "我们俩", "俺们俩", "咱们俩");

    /** "想把河北的老丈人…迁来", "把老家的爸妈接过来": where a relative is, said with 的 before them, does not hide who is brought. */
    private int skipWhence(List<Token> tokens, int at, int last) {
        int i = kin.skipSelf(tokens, at, last);
        if (i + 1 <= last && tokens.get(i + 1).text().equals("的") && (places.isPlace(tokens.get(i).text()) || WHENCE.contains(tokens.get(i).text())))
            return kin.skipSelf(tokens, i + 2, last);
        return i;
    }

    /** Words for where one comes from that may stand before a relative with 的 ("老家的爸妈"). */
    private static final Set<String> WHENCE = Set.of("老家", "农村", "村里", "乡下", "外地", "外省", "家里", "老家那边");

}
