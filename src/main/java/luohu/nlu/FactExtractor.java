package luohu.nlu;

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
import static luohu.nlu.Kinship.PLURAL_SELF;
import static luohu.nlu.TokenText.text;

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
    private final GeneralQuestions general;
    private final ApplicantFinder applicants;
    private final QuantityFacts quantityFacts;
    private final PhraseIndex<Lexicon.FactPhrase> phrases = new PhraseIndex<>();
    private final PhraseIndex<Lexicon.FactPhrase> relativePhrases = new PhraseIndex<>();
    private final PhraseIndex<String> joining = new PhraseIndex<>();
    private final JoinedRelative joined;
    private final RunOnBreaks runOn;
    private final ToldPlaces told;
    private final StaffIntroduction staffIntroduction;

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
        this.staffIntroduction = new StaffIntroduction(lexicon.applicantCues().passingOn());
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
        general = new GeneralQuestions(lexicon, kin);
        applicants = new ApplicantFinder(lexicon, kin, places, joining, joined, new RelativeCase(lexicon, kin, places));
        quantityFacts = new QuantityFacts(vocabulary, lexicon, general, writer);
        runOn = new RunOnBreaks(lexicon, kin, places);
        told = new ToldPlaces(places, hukouLocation, kin, joining, lexicon);
    }

    /**
     * For each token, whether it is part of a place the message names as a fact about someone (where a hukou is, the
     * village one lives in), not as the place the case is about: {@link ToldPlaces#marks}.
     */
    public byte[] toldPlaces(List<Token> tokens) {
        return told.marks(tokens, splitter.clauses(tokens));
    }

    /** The text with a space typed where a statement ends in a long run typed with no pause ({@link RunOnBreaks}). */
    public String runOnBroken(String text, List<Token> tokens) {
        return runOn.broken(text, tokens);
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
        String applicant = asked != null && asked.startsWith("relative_") ? null : applicants.find(tokens, spoken, mentions, quantities, asked);
        if (applicant != null && applicants.departed(tokens, spoken, applicant)) applicant = null;
        List<Clause> clauses = applicant == null ? spoken.stream().map(c -> kin.ownOfSomeone(tokens, c)).toList()
                : applicants.fromApplicant(tokens, spoken, applicant);
        // "她是护士" answering a question about the applicant: 他/她 with nobody named is the one asked about; so is it in
        // staff's note of someone they serve ("有个群众想问 他在红山区租房住了两年"), where it stands for that person
        if (asked != null && !asked.startsWith("relative_") || asked == null && applicant == null && splitter.staffTelling(tokens)) {
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
        Set<Clause> speakerGoesOn = applicant == null ? Set.of() : speakerGoesOn(spoken, clauses);
        boolean[] relativeWord = new boolean[tokens.size()];
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : relativePhrases.find(tokens)) for (int i = m.first(); i <= m.last(); i++) relativeWord[i] = true;
        // "我在二连租房一年半 要是明年买了房…": beside a case told, a what-if clause states nothing of it; a message that is
        // all what-if keeps its facts, to be tried (Understanding.hypothetical)
        Set<Clause> supposed = new HashSet<>();
        for (Clause c : clauses) if (general.supposes(tokens, c)) supposed.add(c);
        boolean toldBeside = false;
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) toldBeside |= !supposed.isEmpty() && !supposed.contains(Clause.of(clauses, m.first()));
        Set<Clause> staffOwn = staffIntroduction.ownClauses(tokens, clauses);
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
            Clause c = Clause.of(clauses, m.first());
            if (toldBeside && supposed.contains(c)) continue;
            // "我是派出所户籍室的 有个群众…": staff telling who they are before the one they serve tell nothing of the case
            if (staffOwn.contains(c)) continue;
            // "住在城里 户口在乡下", "执照有 户口在辽阳": 户口 opening the next clause, after a typed space, says where the
            // hukou is; it is not the end of a phrase begun before the space (城里户口, 有户口); "城镇 户口" typed word by
            // word, with nothing after it in its clause, is still one phrase
            if (m.last() > c.last() && hukouOpens(tokens, m.first(), m.last()) && m.last() < Clause.of(clauses, m.last()).last()) continue;
            // "职称没有 合同一年一签": a negator typed after a word of its own and then a space is that word's, not the
            // start of a phrase read across the space (没有合同)
            if (negation.negatorOfWordBefore(tokens, marks, m.first(), m.last())) continue;
            String clauseText = textOf(c);
            // "二连落户非得有房吗": a question about the rules, with nobody's case in it, states no fact
            if (general.ruleQuestion(tokens, c, clauseText)) continue;
            // "我刚才说没合同 其实签了": what an earlier message said, taken back, states nothing now
            if (Texts.containsAny(clauseText, lexicon.saidBefore())) continue;
            String beforeText = text(tokens, c.first(), m.first() - 1);
            // "她在村里，有宅基地": a clause with no subject of its own that goes on about a relative states the
            // relative's facts where the relative's words can say them
            if (continuing.contains(c) && relativeWord[m.first()]) continue;

            for (Lexicon.FactPhrase p : m.values()) {
                // "我儿子在吐鲁番有户口，还没成家": so is what a person is, in such a clause; a plan (想落户) stays the speaker's
                if (p.cueOnly()) continue;
                // "我在聊城市区有房 房本也有 他想落我这": the home told on about the speaker, when a relative applies, is the speaker's
                if (speakerGoesOn.contains(c) && homeFact(p)) continue;
                // (a marriage said on about one's partner is one's own too: "我对象在松山区有房 没领证")
                if (continuing.contains(c) && p.set() != null && lexicon.applicantCues().relativeContinues().stream().anyMatch(p.set()::containsKey)
                        && !((sharedMarriage(applicant, c, p) || p.set().keySet().equals(Set.of("married")))
                        && spouseSpeaking(clauses, c))) continue;
                // a clause that opens with a relative ("我爸在赤峰买了房") states the relative's facts, not the applicant's
                if (c.relative() != null && c.explicit() && !together(tokens, c, applicant, p) && !sharedMarriage(applicant, c, p)
                        && !(applicant == null && givenToSpeaker(clauseText, p)) && !(p.ofFamily() && FAMILY.contains(c.relative()))
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
                if (!self && general.ofAKind(tokens, c, m)) continue;
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
            living.relativeHome(tokens, clauses, continuing, applicant, facts);
            living.livingWithRelative(tokens, clauses, continuing, applicant, facts);
            homes.homeTown(tokens, clauses, continuing, mentions, facts);
            living.whereOneIs(tokens, clauses, asked, facts);
        }
        // "投靠父母有年龄限制吗", "要是把户口迁到我这": joining asked about as a rule, or as a what-if, joins nobody
        Set<Clause> unsaid = new HashSet<>();
        for (Clause c : clauses) if (general.ruleQuestion(tokens, c, textOf(c)) || general.whatIf(tokens, c)) unsaid.add(c);
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
        // "申请人 男 42 … 其父 74岁": in a form, the numbers that go on after the one served are theirs
        // (…not an aside in brackets after a relative named: "申请人想把他外孙（十岁）户口迁来")
        boolean form = tokens.stream().anyMatch(t -> lexicon.applicantCues().speaker().contains(t.text()));
        Set<Clause> served = new HashSet<>();
        if (form) for (Clause c : speakerGoesOn) if (c.first() == 0 || !ASIDE.contains(tokens.get(c.first() - 1).text())) served.add(c);
        quantityFacts.read(text, tokens, clauses, served, quantities, asked, today, facts, rejected, used);
        if (!aboutRelative) quantityFacts.graduatedYearsAgo(text, tokens, clauses, facts);
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

    /** The phrase states the housing or the home (housing, home_*). */
    private static boolean homeFact(Lexicon.FactPhrase p) {
        Map<String, Object> v = p.set() != null ? p.set() : p.negated();
        return v != null && v.keySet().stream().anyMatch(k -> k.equals("housing") || k.startsWith("home_"));
    }

    /** The clauses (as seen from the applicant) with no subject of their own that go on after one of the speaker's. */
    private static Set<Clause> speakerGoesOn(List<Clause> spoken, List<Clause> seen) {
        Set<Clause> out = new HashSet<>();
        boolean speaker = false;
        for (int i = 0; i < spoken.size(); i++) {
            Clause c = spoken.get(i);
            // (我们 said with a spouse who applies is the applicant too)
            if (c.relative() != null || c.explicit()) speaker = c.relative() == null && c.explicit() && seen.get(i).relative() != null;
            else if (speaker) out.add(seen.get(i));
        }
        return out;
    }

    /** Whether a token from first to last opens with 户口 right after a typed space. */
    private static boolean hukouOpens(List<Token> tokens, int first, int last) {
        for (int i = first + 1; i <= last; i++) {
            if (tokens.get(i).start() > tokens.get(i - 1).end() && tokens.get(i).text().startsWith("户口")) return true;
        }
        return false;
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

    /** "我妈送我的": a home a relative gave the speaker, told in the relative's clause, is the speaker's home. */
    private boolean givenToSpeaker(String clauseText, Lexicon.FactPhrase p) {
        if (p.set() == null || !Texts.containsAny(clauseText, lexicon.applicantCues().received())) return false;
        for (String k : p.set().keySet()) if (!k.equals("housing") && !k.startsWith("home_")) return false;
        return true;
    }

    /**
     * "帮我妈问 …我们住一起", "我老伴想跟我投靠儿子 …我们跟他住": 我们 said by the speaker of a relative who settles takes
     * them in, so living together is theirs too.
     */
    private static boolean together(List<Token> tokens, Clause c, String applicant, Lexicon.FactPhrase p) {
        return applicant != null && PLURAL_SELF.contains(tokens.get(c.first()).text()) && p.set() != null
                && p.set().keySet().equals(Set.of("lives_with_relative"));
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

    /** "直播带货 签的传媒公司 劳动合同有": work of the gig kind under a labour contract is a job (GUIDE: 签了劳动合同 → employee). */
    private static void contractedGigWork(Map<String, Object> facts) {
        if (Boolean.TRUE.equals(facts.get("labor_contract")) && "flexible".equals(facts.get("employment"))) facts.put("employment", "employee");
    }

    /**
     * "我老公是二连户口 可我们没领证", "对象…还没结婚": a partner one is said not to be married to is no spouse in law, so
     * the relative joined, the home's owner, or the one asked for is another person; returns the applicant.
     */
    private static String unmarriedPartner(String applicant, Map<String, Object> facts) {
        if (!Boolean.FALSE.equals(facts.get("married"))) return applicant;
        if ("spouse".equals(facts.get("local_relative"))) facts.put("local_relative", "other");
        if ("spouse".equals(facts.get("home_owner_relative"))) facts.put("home_owner_relative", "other");
        return "spouse".equals(applicant) ? "other" : applicant;
    }

    /** Brackets that open an aside. */
    private static final Set<String> ASIDE = Set.of("（", "(");
    /** The applicant's own family, whose staying behind or coming along says whether the family moved together. */
    private static final Set<String> FAMILY = Set.of("spouse", "child");

    /** In needs_before: a place named right before the phrase ("乌鲁木齐买房能落户吗" as "在乌鲁木齐买房"). */
    private static final String PLACE_BEFORE = "@place";
}
