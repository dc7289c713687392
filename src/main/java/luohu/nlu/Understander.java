package luohu.nlu;

import luohu.nlu.Questions;
import luohu.policy.Facts;
import luohu.policy.PolicyModel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One message in, its meaning out: normalise, segment with HanLP and the domain lexicon, then find intent, facts
 * and places. Never throws for any text.
 */
public final class Understander {
    /** Intents that ask something of their own: a reply that asks one is not only an answer ("租房要去备案不"). */
    private static final Set<Intent> QUESTIONS = Set.of(Intent.REQUIREMENT, Intent.MATERIALS, Intent.REGISTRATION, Intent.COMPARE);
    /** Intents about the conversation itself, which a reply to a question may carry too. */
    private static final Set<Intent> CONTROL = Set.of(Intent.RESTART, Intent.FORGET, Intent.CORRECTION, Intent.RESULT, Intent.THANKS);
    private final Lexicon lexicon;
    private final Segmenter segmenter;
    private final TypoFixer typos;
    private final Spellings spellings;
    private final FactExtractor facts;
    private final SelfCorrection corrections;
    private final IntentClassifier intents;
    private final PlaceFinder places;
    private final AnswerReader answers;
    private final AskClassifier asks;
    private final WordIndex cueWords;
    private final List<Entailment> entailments;
    private final PolicyModel model;
    private final Clock clock;

    public Understander(PolicyModel model, Lexicon lexicon, Questions questions, Clock clock) {
        this.model = model;
        this.lexicon = lexicon;
        this.clock = clock;
        lexicon.validated(model.vocabulary());
        this.facts = new FactExtractor(model, lexicon);
        Places placeNames = new Places(model, lexicon);
        this.corrections = new SelfCorrection(placeNames::isPlace);
        this.intents = new IntentClassifier(lexicon);
        this.places = new PlaceFinder(model, lexicon.uncoveredPlaces(), lexicon.placeAliases(), lexicon.villageWords());
        this.answers = new AnswerReader(model.vocabulary(), questions);
        this.asks = new AskClassifier(lexicon);
        Set<String> words = new LinkedHashSet<>(lexicon.terms());
        words.addAll(facts.words());
        words.addAll(places.words());
        // intent words are not added: they match as text, and as tokens they would split fact phrases (能落|户)
        lexicon.topicWords().values().forEach(words::addAll);
        words.addAll(lexicon.applicantCues().speaker()); // 该员 is one word, not 该|员
        List<String> whole = new ArrayList<>(lexicon.wholeWords());
        lexicon.relatives().values().forEach(whole::addAll);
        this.segmenter = new Segmenter(words, whole);
        // place names are left to the place finder, which asks back when a mistyped name is not sure
        Set<String> domain = new LinkedHashSet<>(words);
        domain.removeAll(places.words());
        // negators are not read into a run that sounds like one ("还没迁" is not 还没签)
        domain.removeAll(lexicon.negation().before());
        domain.removeAll(lexicon.negation().after());
        domain.removeAll(lexicon.negation().affirm()); // nor into 没迁走 ("一直没签" is not 一直没迁)
        domain.addAll(intents.words());
        this.typos = new TypoFixer(domain);
        this.spellings = new Spellings(lexicon.spellings());
        this.cueWords = new WordIndex(cueWords(lexicon));
        this.entailments = entailments(lexicon, model);
    }

    /**
     * The text intents and asks read: spaces dropped, except after a run that ends in a negator, which closes it
     * ("备案没 户口在吉林", "俺老伴也没有 户口都在冠县乡下" say nothing of having no hukou).
     */
    private String closedByNegators(String spaced, String norm) {
        if (spaced.indexOf(' ') < 0) return norm;
        StringBuilder out = new StringBuilder(spaced.length());
        for (int i = 0; i < spaced.length(); i++) {
            char ch = spaced.charAt(i);
            if (ch != ' ') {
                out.append(ch);
                continue;
            }
            if (Texts.endsWithAny(out, lexicon.negation().after())) out.append(',');
        }
        String closed = out.toString();
        return closed.replace(",", "").equals(norm.replace(",", "")) ? closed : norm;
    }

    /**
     * The questions that close a long message told in sentences: from the first sentence asking (ending in ?) to the
     * end, when two sentences or more of background come before it; else null.
     */
    private Scan closingQuestions(String norm) {
        if (norm.length() < 50) return null;
        int sentences = 0, start = 0;
        for (int i = 0; i < norm.length(); i++) {
            char ch = norm.charAt(i);
            if (ch != '。' && ch != '.' && ch != '!' && ch != '?') continue;
            if (ch == '?') {
                if (sentences < 2 || start < norm.length() * 2 / 5) return null;
                String tail = norm.substring(start);
                return cueWords.scan(tail, segmenter.segment(tail));
            }
            if (i > start) sentences++;
            start = i + 1;
        }
        return null;
    }

    /**
     * The text with staff's words for the one they serve (申请人, 该人员) read as 我: "申请人" names a person, it asks
     * nothing of applying.
     */
    private String asSpeaker(String text) {
        for (String w : lexicon.applicantCues().speaker()) if (text.contains(w)) text = text.replace(w, "我");
        // "户籍:辽宁朝阳", "户籍河北张家口": a form's field says where the hukou is, as 户口在 does; it asks nothing
        return text.contains("户籍") ? HUKOU_FIELD.matcher(text).replaceAll("户口在") : text;
    }

    private static final java.util.regex.Pattern HUKOU_FIELD = java.util.regex.Pattern.compile(
            "户籍(?:所在地)?(?:[:是为在]|还在)?(?=\\p{IsHan})(?!改革|制度|管理|大厅|政策|科|窗口|民警|业务|证明|迁|登记|办|在哪|怎么|咋|能|可以|手续|材料|问题|卡|的|人口|信息|地址)");

    /** A move of the hukou told as done or not done ("户口迁到学校了", "户口没迁学校", "迁出来", "一直没落上"). */
    private static final java.util.regex.Pattern MOVE_TOLD = java.util.regex.Pattern.compile(
            "(?:户口)?(?:已经|早就|早|也|都)?(?:迁|落)[^,.!?;:，。？！ ]{0,8}?了|(?:户口)?(?:还)?(?:没|没有|一直没|还没)(?:迁|落)[^,.!?;:，。？！ ]{0,6}|迁出来|迁出去");
    /** Words that ask or wish: a message with none of them only tells. */
    private static final java.util.regex.Pattern ASKS_OR_WISHES = java.util.regex.Pattern.compile(
            "[吗么?？呢]|能|可以|咋|怎|如何|啥|什么|哪|中不中|行不|想|要|打算|准备|希望|帮|问|咨询|够|条件|落户|办|投靠|投奔|是不是|好不好|难不难");

    private static boolean toldMovesOnly(String norm) {
        // "上大学时户口迁到学校集体户了": a move at a time gone by opens the question that follows
        return MOVE_TOLD.matcher(norm).find() && !ASKS_OR_WISHES.matcher(norm).find() && !PAST_TIME.matcher(norm).find();
    }

    /** A word said and denied in one breath, which asks which it is ("会不会", "给钱不给", "还有没有"). */
    private static final java.util.regex.Pattern EITHER_WAY = java.util.regex.Pattern.compile("(\\p{IsHan})\\p{IsHan}{0,2}[不没]\\1");

    private static final java.util.regex.Pattern PAST_TIME = java.util.regex.Pattern.compile("时(?:户口|把户口)|的时候|那会|那时");

    private static boolean marked(byte[] marks, byte mark) {
        for (byte b : marks) if (b == mark) return true;
        return false;
    }

    /** Both forms with words typed by pinyin letters or a homophone read as the words meant ("hk在河南" is 户口在河南). */
    private Normalizer.Forms respelled(Normalizer.Forms forms) {
        String plain = spellings.respelled(forms.plain());
        return plain.equals(forms.plain()) ? forms : new Normalizer.Forms(plain, spellings.respelled(forms.spaced()));
    }

    /** The lists of words the intents, asks, topics and the message's other cues are found by. */
    private static List<List<String>> cueWords(Lexicon lexicon) {
        List<List<String>> out = new ArrayList<>();
        for (List<Lexicon.IntentCue> cues : List.of(lexicon.intents(), lexicon.asks())) {
            for (Lexicon.IntentCue c : cues) {
                if (c.words() != null) out.add(c.words());
                if (c.all() != null) out.addAll(c.all());
            }
        }
        out.addAll(lexicon.topicWords().values());
        out.addAll(lexicon.pathwayWords().values());
        for (Lexicon.RequirementSubject s : lexicon.requirementSubjects()) out.add(s.words());
        out.addAll(List.of(lexicon.dontKnow(), lexicon.hypothetical(), lexicon.familyAlong(), lexicon.more(),
                lexicon.settlingOnto(), lexicon.whereWords()));
        return out;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /**
     * @param text  the message as typed
     * @param asked the fact the assistant asked about last, or null
     */
    public Understanding understand(String text, String asked) {
        return understand(text, asked, null);
    }

    /**
     * @param context the place the conversation is about, or null: where the message names none, a hukou place it
     *                names ("户口在通辽") is read against this one
     */
    public Understanding understand(String text, String asked, luohu.policy.Place context) {
        // a domain word mistyped by sound ("签移证") is read as that word
        Normalizer.Forms forms = respelled(Normalizer.forms(text));
        // "住了两年不对是两年半": a message putting itself right is read as said right
        String plainRight = corrections.corrected(forms.plain());
        if (!plainRight.equals(forms.plain())) forms = new Normalizer.Forms(plainRight, corrections.corrected(forms.spaced()));
        // facts are read clause by clause, and a space typed between words ends a clause; the text is cut again only
        // when a word in it was mistyped; the plain form is the fixed text with its spaces dropped, so that no word is
        // read as mistyped across a space ("社保交了一年半 户口在…" is no 办户口)
        String spaced = forms.spaced();
        List<Token> tokens = segmenter.segment(spaced);
        // "…五年了营业执照有然后…": a long run typed with no pause is read with a space where each statement ends
        String broken = facts.runOnBroken(spaced, tokens);
        if (!broken.equals(spaced)) {
            spaced = broken;
            tokens = segmenter.segment(spaced);
        }
        String fixed = typos.fix(spaced, tokens);
        String norm = spaced.equals(forms.plain()) ? fixed : Normalizer.normalise(fixed);
        if (!fixed.equals(spaced)) {
            spaced = fixed;
            tokens = segmenter.segment(spaced);
        }
        List<Quantity> quantities = QuantityFinder.find(spaced);
        byte[] told = facts.toldPlaces(tokens);
        PlaceMentions mentioned = places.find(norm, tokens, told);
        // "娃户口现在在俺们巴林右旗村里", said of a case about 林西县: the village someone's hukou is in or they live in is a
        // fact about them, never where one settles; the case stays where the conversation is (a hukou in a town may be
        // that of the one joined: "要是我户口在新疆阜康呢", of a father joining the speaker)
        if (context != null && mentioned.onlyTold() && !marked(told, ToldPlaces.HUKOU)) mentioned = mentioned.about(context);
        List<luohu.policy.Place> about = mentioned.covered().isEmpty() && context != null ? List.of(context) : mentioned.covered();
        FactExtractor.Extraction extraction = facts.extract(spaced, tokens, quantities, asked, LocalDate.now(clock), about);
        // "户口在二连 想迁到赤峰": the place asked about comes before the place the hukou is in
        if (extraction.hukouDocument() != null) {
            List<luohu.policy.Place> first = new ArrayList<>(), last = new ArrayList<>();
            for (luohu.policy.Place p : mentioned.covered()) (p.documentId().equals(extraction.hukouDocument()) ? last : first).add(p);
            first.addAll(last);
            mentioned = new PlaceMentions(first, mentioned.uncovered(), mentioned.guess(), mentioned.told());
        }
        Map<String, Object> found = extraction.facts();
        Scan scan = cueWords.scan(asSpeaker(closedByNegators(spaced, norm)), tokens);
        boolean dontKnow = scan.any(lexicon.dontKnow());
        // "不知道" is no answer at all; a reply that states other facts ("有备案") is not a bare yes to the question;
        // a duration that measured another fact ("说错了，保险只交了九个月") does not answer this one too
        if (asked != null && !found.containsKey(asked) && !dontKnow) {
            List<Quantity> free = quantities.stream().filter(q -> q.usable() && !extraction.quantities().contains(q.start())).toList();
            boolean numberUsed = free.size() < quantities.size();
            Object v = numberUsed && model.vocabulary().get(asked).type().numeric() && free.isEmpty() ? null
                    : answers.read(asked, spaced, tokens, free, found.isEmpty());
            if (v != null) found.put(asked, v);
        }
        entail(found);
        Intent intent = intents.classify(scan, mentioned.covered().size() + mentioned.uncovered().size());
        // a story told at length, background first and the question last ("…户口在河北承德。我这能落户不？"): what the
        // closing questions ask is asked; topic words of the background (居住证, 集体户, 村里) only tell the case
        Scan closing = asked == null ? closingQuestions(norm) : null;
        if (closing != null) {
            Intent last = intents.classify(closing, mentioned.covered().size() + mentioned.uncovered().size());
            // …but a story of a hukou never registered or lost ("孩子一直没上户口 …咋给孩子上户口？") asks about that: how
            // to settle or what to bring is answered from the no-hukou rules
            boolean noHukouStory = intent == Intent.NO_HUKOU && (last == Intent.SETTLE || last == Intent.MATERIALS);
            if (last != null && last != Intent.INFORM && !CONTROL.contains(last) && !noHukouStory) intent = last;
            else closing = null;
        }
        // "我能没户口吗", "说我没居住证？": a topic word inside a clause a rhetorical frame turns round is denied, not asked about
        if (asked == null && (intent == Intent.NO_HUKOU || intent == Intent.RESIDENCE_PERMIT)) {
            String rest = withoutRhetoric(norm);
            if (!rest.equals(norm)) intent = intents.classify(cueWords.scan(rest, segmenter.segment(rest)), mentioned.covered().size() + mentioned.uncovered().size());
        }
        // a message whose words name something else than settling ("去民政局结婚要带啥", "办护照去哪办") asks nothing of
        // the documents, whatever its question words; one that only tells the applicant's facts beside such a word
        // ("村里的地修高铁被征了") tells them
        boolean elsewhere = intent == Intent.OUT_OF_SCOPE;
        if (elsewhere && asked == null && !found.isEmpty() && asks.cued(scan) == null) {
            intent = Intent.INFORM;
            elsewhere = false;
        }
        // a reply to the question just asked that gives facts is an answer, whatever topic words it has (有居住证)
        // …unless it asks a practical question of its own ("送外卖的 这样能网上办不")
        Ask practical = asks.cued(scan);
        if (asked != null && !found.isEmpty() && (intent == null || !CONTROL.contains(intent) && !QUESTIONS.contains(intent))
                && (practical == null || !practical.practical())) intent = Intent.INFORM;
        if (intent == null) {
            if (!found.isEmpty() || !extraction.rejected().isEmpty()) intent = Intent.INFORM;
            else if (!mentioned.covered().isEmpty()) intent = Intent.SETTLE;
            // a reply to the question just asked that asks nothing is an answer, read or not ("木签", "我妈七十有二了"): not
            // something else ("我老伴能一块去不" still asks)
            else if (asked != null && practical == null) intent = Intent.INFORM;
            else intent = Intent.OUT_OF_SCOPE;
        }
        // "早迁回老家了", "不在开原 在沈阳那边" answering the question just asked: a move or a place told, asking nothing
        if (asked != null && intent == Intent.SETTLE && practical == null && !Texts.containsAny(norm, lexicon.questionWords())) intent = Intent.INFORM;
        // "我外甥在赤峰上中专 户口迁到学校了", "户口没迁学校 还在大板镇": a move told as done or not done, in a message
        // that asks and wishes nothing, tells a fact
        boolean toldOnly = false;
        if (asked == null && (intent == Intent.SETTLE || intent == Intent.REGISTRATION) && !found.isEmpty() && toldMovesOnly(norm)) {
            String rest = MOVE_TOLD.matcher(norm).replaceAll(",");
            Intent without = intents.classify(cueWords.scan(rest, segmenter.segment(rest)), mentioned.covered().size() + mentioned.uncovered().size());
            toldOnly = without == null || without == Intent.INFORM;
            if (toldOnly) intent = Intent.INFORM;
        }
        // "不是租的 是我哥家的房" answering how one lives: a contrast that answers the question asked, with no word saying
        // something said before was wrong, is the answer
        if (asked != null && intent == Intent.CORRECTION && !Texts.containsAny(norm, lexicon.correctionNamed())) intent = Intent.INFORM;
        // "在赤峰交社保三年 哦不对 是两年半", "年龄录成200了 更正 实际82": a number put right within the message tells the case;
        // it corrects nothing said before
        if (asked == null && intent == Intent.CORRECTION && correctsItself(norm)) intent = Intent.INFORM;
        // "俺娘…跟俺在昌图住了五年 她投靠俺到底行不行": whether it will do, asked of a case told, asks to settle; a result
        // named as such ("你直接说结果") is still the result
        if (asked == null && intent == Intent.RESULT && !found.isEmpty() && !Texts.containsAny(norm, lexicon.resultNamed())) intent = Intent.SETTLE;
        // "网上到底能不能办？", "跨省能办不能办 给个准话": a practical question pressed for a plain answer is still that question
        if (asked == null && intent == Intent.RESULT && practical != null && practical.practical()) intent = Intent.SETTLE;
        // "帮我老婆问 她在库尔勒上班两年…": asking on someone's behalf is the question, whatever facts follow
        if (asked == null && intent == Intent.INFORM && onBehalf(norm)) intent = Intent.SETTLE;
        // "俺女婿是茌平农村的 户口还没迁出来": a case told with no question, wish or complaint in it only tells
        if (asked == null && intent == Intent.SETTLE && closing == null && toldWithoutAsking(spaced, norm)) {
            intent = Intent.INFORM;
            toldOnly = true;
        }
        // "老家的地早让村里收走了": land told of, with nothing asked of it, tells the case; said with a wish ("…想进城落户") it
        // asks to settle
        if (asked == null && intent == Intent.LAND && closing == null && !asking(spaced, norm) && !onBehalf(norm)) {
            intent = wishing(norm) ? Intent.SETTLE : Intent.INFORM;
        }
        List<String> topics = topics(scan);
        // "库车那边落户 有没有啥限制": how strict a place's settling is, asked of a place under a rule of its own (南疆, a
        // controlled city), names that rule
        String placeRule = Texts.containsAny(norm, lexicon.ruleStrictness()) ? placeRuleTopic(mentioned) : null;
        if (placeRule != null && !topics.contains(placeRule)) topics.add(0, placeRule);
        // a fact stated may be the worry behind the question ("我妈六十多了"): the rules on its topic come with the answer
        for (String f : found.keySet()) {
            for (String t : lexicon.factTopics().getOrDefault(f, List.of())) if (!topics.contains(t)) topics.add(t);
        }
        // "那我媳妇呢 她有房本": a follow-up about a relative, telling of them, asks whether they can settle
        if (asked == null && (intent == Intent.OUT_OF_SCOPE || intent == Intent.INFORM) && extraction.applicant() != null
                && (opensWithEllipsis(firstClause(spaced), lexicon) || opensWithSwitch(firstClause(spaced), lexicon))) intent = Intent.SETTLE;
        // "户口还在学校集体户 能落哈密吗": whether one can settle at a place asks to settle, whatever the collective
        // household or school said on the way; where to put the hukou ("能落单位集体户吗") stays registration
        boolean settleAtPlace = intent == Intent.REGISTRATION && !mentioned.covered().isEmpty() && asksToSettleAtAPlace(norm);
        if (settleAtPlace) intent = Intent.SETTLE;
        Requirement req = requirement(scan);
        if (dontKnow && intent == Intent.OUT_OF_SCOPE) intent = Intent.INFORM;
        List<String> pathwayTopics = new ArrayList<>(asks.pathwayTopics(scan));
        // a fact that only one kind of pathway looks at points there first ("我在清河区有房" for a mother joining: the
        // owner's relatives' pathway, not a purchase of her own)
        for (Map.Entry<String, List<String>> e : lexicon.factPathwayTopics().entrySet()) {
            if (!found.containsKey(e.getKey())) continue;
            for (String t : e.getValue()) {
                pathwayTopics.remove(t);
                pathwayTopics.add(0, t);
            }
        }
        boolean hypothetical = scan.any(lexicon.hypothetical());
        // "如果我买房呢": a what-if about a way to settle; "要是去赤峰市里打工呢 户口在翁牛特旗乡下": a what-if asked of a
        // place of the case (not one told of someone) asks whether one can settle there
        boolean ofAPlace = mentioned.last() != null && !mentioned.onlyTold() && asked == null && asking(spaced, norm);
        if (hypothetical && (!pathwayTopics.isEmpty() || ofAPlace) && (intent == Intent.OUT_OF_SCOPE || intent == Intent.INFORM)) intent = Intent.SETTLE;
        // "我哥…一直跟我住 能迁到我户口本上吗": with a case told, whether one can move onto a household register is whether
        // they can settle; where to is still registration
        boolean settlingOnto = intent == Intent.REGISTRATION && asked == null && (!found.isEmpty() || extraction.applicant() != null)
                && scan.any(lexicon.settlingOnto()) && !scan.any(lexicon.whereWords());
        if (settlingOnto) intent = Intent.SETTLE;
        Ask ask = elsewhere || toldOnly ? Ask.NONE : settlingOnto ? Ask.SETTLE : asks.classify(closing != null ? closing : scan, intent);
        // "你是AI吗", "你们是官方的吗": a question about the assistant itself
        if (ask == Ask.IDENTITY && !CONTROL.contains(intent)) intent = Intent.HELP;
        // "我想投靠她，我们住在一起": joining a relative is the applicant's own case, not who comes along
        // "投靠的话 我的孩子能一起过来吗" still asks who comes along
        boolean along = scan.any(lexicon.familyAlong());
        if (ask == Ask.FAMILY && pathwayTopics.contains("joining") && !along) ask = Ask.SETTLE;
        if (settleAtPlace && ask == Ask.REGISTRATION) ask = Ask.SETTLE;
        // "克拉玛依是不是适度控制落户", "到南疆落户有啥优惠": settling asked about under a place's own rule asks about that rule
        // ("我在克拉玛依买了房 能落户吗 听说克拉玛依控制" tells a case and asks about it: the rule only comes with the answer)
        // …as does asking how strict it is, of a place under such a rule, a case told or not ("乌市落户现在管得严不严 我在乌市
        // 租房三年", "去阿克苏农村落户 社保能跟当地人一样不")
        boolean strictness = placeRule != null || Texts.containsAny(norm, lexicon.ruleStrictness())
                && topics.stream().anyMatch(lexicon.ruleTopics()::contains);
        if (strictness && (intent == Intent.COMPARE && ask == Ask.COMPARE && mentioned.covered().size() < 2
                || intent == Intent.RESIDENCE_PERMIT && asked == null)) {
            intent = Intent.SETTLE;
            ask = Ask.SETTLE;
        }
        if ((intent == Intent.SETTLE || intent == Intent.REQUIREMENT) && (ask == Ask.SETTLE || ask == Ask.REQUIREMENT || ask == Ask.OVERVIEW)
                && (found.isEmpty() || ruleNamedWithSettling(norm) || strictness)) {
            // …and asking whether that rule sets no conditions ("听说南疆落户不设门槛") asks about the rule, not a condition
            if (topics.stream().anyMatch(lexicon.ruleTopics()::contains)) {
                ask = Ask.TOPIC;
                intent = Intent.SETTLE;
            }
        }
        // "听说赤峰现在落户全放开了 是真的吗", "阳谷县城能随便落户吗": whether a place lets anyone settle, asked with no case,
        // asks about the limits its document lifted, as asking whether a city controls settling does
        Lexicon.OpenSettling open = lexicon.openSettling();
        if ((intent == Intent.SETTLE || intent == Intent.REQUIREMENT) && (ask == Ask.SETTLE || ask == Ask.REQUIREMENT || ask == Ask.OVERVIEW)
                && found.isEmpty() && asked == null && Texts.containsAny(norm, open.words())) {
            ask = Ask.TOPIC;
            intent = Intent.SETTLE;
            if (open.topic() != null && topics.stream().noneMatch(lexicon.ruleTopics()::contains) && !topics.contains(open.topic())) {
                topics.add(0, open.topic());
            }
        }
        // "租房落户要住多久": a condition asked about is answered from the conditions, as "do I need X" is
        if (ask == Ask.REQUIREMENT && !CONTROL.contains(intent)) intent = Intent.REQUIREMENT;
        // a question asked in words the intents did not catch ("跨省通办吗") is still about settling
        // as is a practical question in words of materials or requirements ("落户手续一般几个工作日")
        // …and so is one asked beside a case told ("不用跑腿 线上能办下来吗", "俺家那口子是铁岭户口 俺跟孩子能跟过去不")
        boolean caseAsking = intent == Intent.INFORM && asked == null && (ask.practical() || ask == Ask.FAMILY)
                && AskClassifier.questioning(norm);
        // …or of a household matter ("分户要交钱吗"), where to go aside
        boolean householdPractical = intent == Intent.REGISTRATION && ask.practical() && ask != Ask.OFFICE;
        if ((intent == Intent.OUT_OF_SCOPE || (intent == Intent.REQUIREMENT || intent == Intent.MATERIALS) && ask.practical() || caseAsking
                || householdPractical) && ask != Ask.NONE) intent = Intent.SETTLE;
        return new Understanding(norm, intent, Facts.of(found), mentioned, topics, req.facts, req.label, dontKnow,
                scan.any(lexicon.more()), along, tokens,
                ask, pathwayTopics, hypothetical, extraction.applicant(), extraction.rejected());
    }

    /**
     * What a fact stated entails, where the message does not say otherwise (lexicon.yaml fact_entails): "签了"
     * answering whether there is a labour contract says one has a job too.
     */
    private void entail(Map<String, Object> found) {
        for (Entailment e : entailments) {
            Object value = found.get(e.fact());
            if (value != null && value.equals(e.value())) e.then().forEach(found::putIfAbsent);
        }
    }

    /** A fact of lexicon.yaml fact_entails with its value, and the facts it entails, their values read once. */
    private record Entailment(String fact, Object value, Map<String, Object> then) {
    }

    private static List<Entailment> entailments(Lexicon lexicon, PolicyModel model) {
        List<Entailment> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : lexicon.factEntails().entrySet()) {
            String[] said = e.getKey().split("=", 2);
            Map<String, Object> then = new java.util.LinkedHashMap<>();
            e.getValue().forEach((f, v) -> then.put(f, model.vocabulary().get(f).normalise(v)));
            out.add(new Entailment(said[0], model.vocabulary().get(said[0]).normalise(said[1]), then));
        }
        return List.copyOf(out);
    }

    /**
     * A word of correcting (lexicon correction_named) with a number told before it and another after it, in a message
     * that names no earlier one (earlier_turn: "刚才打成三年了" puts right what was said before).
     */
    private boolean correctsItself(String norm) {
        if (Texts.containsAny(norm, lexicon.earlierTurn())) return false;
        for (String w : lexicon.correctionNamed()) {
            for (int i = norm.indexOf(w); i > 0; i = norm.indexOf(w, i + 1)) {
                if (numbered(norm.substring(0, i)) && numbered(norm.substring(i + w.length()))) return true;
            }
        }
        return false;
    }

    private static boolean numbered(String text) {
        return !QuantityFinder.find(text).isEmpty() || text.chars().anyMatch(Character::isDigit);
    }

    /** "帮我儿子问问", "替我妈咨询": a word of asking for someone, then a word of asking, a few characters on. */
    private boolean onBehalf(String text) {
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        for (String f : cues.askingFor()) {
            for (int i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
                String after = text.substring(i + f.length(), Math.min(text.length(), i + f.length() + 6));
                if (Texts.containsAny(after, cues.askingVerbs())) return true;
            }
        }
        return false;
    }

    /**
     * No question word, no clause closed by a yes-no particle (能落不, 够了吧), no asking for someone and no wish or
     * complaint of lexicon.yaml settling_said left unnegated (不想迁 wishes nothing): the message only tells its case.
     */
    private boolean toldWithoutAsking(String spaced, String norm) {
        return !asking(spaced, norm) && !onBehalf(norm) && !wishing(norm);
    }

    /** A question word, a word asked both ways (会不会, 给不给, 在不在), or a clause closed by a yes-no particle (能落不, 够了吧). */
    private boolean asking(String spaced, String norm) {
        if (Texts.containsAny(norm, lexicon.questionWords()) || EITHER_WAY.matcher(norm).find()) return true;
        // (the character before each clause break, in place: every message is asked this)
        for (int i = 1; i <= spaced.length(); i++) {
            if (i < spaced.length() && CLAUSE_BREAKS.indexOf(spaced.charAt(i)) < 0) continue;
            char last = spaced.charAt(i - 1);
            if (last == '不' || last == '没' || last == '吧') return true;
        }
        return false;
    }

    private static final String CLAUSE_BREAKS = " ,.!;:、";

    /** A wish or complaint of lexicon.yaml settling_said left unnegated (不想迁 wishes nothing). */
    private boolean wishing(String norm) {
        for (String w : lexicon.settlingSaid()) {
            for (int i = norm.indexOf(w); i >= 0; i = norm.indexOf(w, i + 1)) {
                if (i == 0 || "不没别".indexOf(norm.charAt(i - 1)) < 0) return true;
            }
        }
        return false;
    }

    /** The topics the message's words name, the one named last first: the question usually comes at the end. */
    private List<String> topics(Scan scan) {
        return IntentClassifier.byLastOccurrence(lexicon.topicWords(), scan, at -> false);
    }

    /** The rule topic of the first place named whose group has one (库车: 南疆; 乌市: a controlled city), or null. */
    private String placeRuleTopic(PlaceMentions mentioned) {
        for (luohu.policy.Place p : mentioned.covered()) {
            for (String g : p.groups()) {
                String t = lexicon.groupTopics().get(g);
                if (t != null) return t;
            }
        }
        return null;
    }

    /** A word of a rule topic right before 落户 ("控制落户", "到南疆落户"): settling under that rule. */
    private boolean ruleNamedWithSettling(String text) {
        for (String t : lexicon.ruleTopics()) {
            for (String w : lexicon.topicWords().getOrDefault(t, List.of())) {
                for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (text.startsWith("落户", i + w.length())) return true;
            }
        }
        return false;
    }

    private record Requirement(List<String> facts, String label) {
    }

    private Requirement requirement(Scan scan) {
        for (Lexicon.RequirementSubject s : lexicon.requirementSubjects()) {
            if (scan.any(s.words())) return new Requirement(s.facts(), s.label());
        }
        return new Requirement(List.of(), null);
    }

    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile("[^,.!?;:，。！？；：、\\s]+[,.!?;:，。！？；：、\\s]*");

    /** The message without the clauses a rhetorical frame turns round (lexicon negation.rhetorical), for what it asks. */
    private String withoutRhetoric(String norm) {
        Lexicon.Rhetorical r = lexicon.negation().rhetorical();
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = CLAUSE.matcher(norm);
        while (m.find()) {
            String piece = m.group();
            String words = piece.replaceAll("[,.!?;:，。！？；：、\\s]+$", "");
            boolean question = piece.contains("?") || piece.contains("？") || Texts.endsWithAny(words, r.questionEnds());
            boolean framed = !RhetoricalFrames.in(words, r, question, false).isEmpty();
            if (!framed) out.append(piece);
        }
        return out.toString();
    }

    /**
     * The message asks whether one can settle or move the hukou to a place (能落哈密吗, 能迁回东昌府不): a verb of
     * lexicon.yaml settle_at.verbs, then what follows up to the question's end, naming none of settle_at.not_places.
     */
    private boolean asksToSettleAtAPlace(String norm) {
        Lexicon.SettleAt at = lexicon.settleAt();
        for (String v : at.verbs()) {
            for (int i = norm.indexOf(v); i >= 0; i = norm.indexOf(v, i + 1)) {
                int end = i + v.length();
                while (end < norm.length() && end - i - v.length() < 8 && !Texts.startsWithAnyAt(norm, end, at.ends())) end++;
                String target = norm.substring(i + v.length(), end);
                if (end < norm.length() && !target.isEmpty() && !Texts.containsAny(target, at.notPlaces())) return true;
            }
        }
        return false;
    }

    /** The text up to the first comma, space or other clause mark. */
    private static String firstClause(String spaced) {
        for (int i = 0; i < spaced.length(); i++) if (" ,.?!;:".indexOf(spaced.charAt(i)) >= 0) return spaced.substring(0, i);
        return spaced;
    }

    /** A first clause "那…呢" of a few characters ("那我媳妇呢"): what is said after it is of what it names. */
    static boolean opensWithEllipsis(String firstClause, Lexicon lexicon) {
        String lead = Normalizer.bare(firstClause);
        return lead.startsWith("那") && lead.length() <= ELLIPTICAL_LEAD && Texts.endsWithAny(lead, lexicon.elliptical());
    }

    /** A first clause that switches to one of the speaker's people ("换成我闺女行吗", "换我小孙女问"): it asks for them. */
    static boolean opensWithSwitch(String firstClause, Lexicon lexicon) {
        String lead = Normalizer.bare(firstClause);
        for (String w : lexicon.applicantCues().switching()) {
            if (lead.startsWith(w) && Texts.startsWithAny(lead.substring(w.length()), SPEAKER_WORDS)) return true;
        }
        return false;
    }

    private static final List<String> SPEAKER_WORDS = List.of("我", "俺", "咱");

    /** The most characters of an opening "那…呢" ("那俺大闺女呢", "那我老丈人老丈母娘呢"). */
    private static final int ELLIPTICAL_LEAD = 11;

    /** A short message ending in a particle of ellipsis ("老丈人呢"): it asks again what was asked before. */
    public boolean elliptical(String normalised) {
        String plain = Normalizer.bare(normalised);
        return plain.length() <= 12 && Texts.endsWithAny(plain, lexicon.elliptical());
    }

    /** Every ask the message's words name, for a message asking two practical things at once. */
    public List<Ask> asks(String normalised) {
        return asks.all(cueWords.scan(normalised, segmenter.segment(normalised)));
    }

    /** The relations whose words the message uses ("那我媳妇呢" → spouse). */
    /** Whether the message's words name something other than settling ("办护照去哪办"), not merely nothing known. */
    public boolean elsewhere(String normalised) {
        return intents.classify(cueWords.scan(normalised, segmenter.segment(normalised)), 0) == Intent.OUT_OF_SCOPE;
    }

    /** Whether the message is staff at a window or a community office telling of someone they serve ("窗口来了个老爷子"). */
    public boolean staffTelling(String normalised) {
        return Texts.containsAny(normalised, lexicon.applicantCues().staff());
    }

    /** Whether a message puts a question, by a question mark or word or a closing 不/没 ("就行不"). */
    public boolean questioning(String normalised) {
        return AskClassifier.questioning(normalised);
    }

    /** The relation a relative's word stands for ("娘" → parent), null for none. */
    public String relationOf(String word) {
        for (Map.Entry<String, List<String>> e : lexicon.relatives().entrySet()) if (e.getValue().contains(word)) return e.getKey();
        return null;
    }

    /**
     * The relations a message names, a one-character word too when said as one's own ("我哥", "俺娘"): for telling who
     * else is in a message, where a stray character matters less than in {@link #relativesNamed}.
     */
    public List<String> relativesMentioned(String normalised) {
        return relativesSaid(w -> w.length() > 1 ? normalised.contains(w)
                : normalised.contains("我" + w) || normalised.contains("俺" + w) || normalised.contains("咱" + w));
    }

    public List<String> relativesNamed(String normalised) {
        return relativesSaid(w -> w.length() > 1 && normalised.contains(w));
    }

    /** The relations one of whose words is said, by the test given. */
    private List<String> relativesSaid(java.util.function.Predicate<String> said) {
        List<String> out = new ArrayList<>();
        lexicon.relatives().forEach((rel, words) -> {
            if (words.stream().anyMatch(said)) out.add(rel);
        });
        return out;
    }

    /** Kinds of place whose homes are read as in town unless said otherwise (lexicon.yaml town_kinds). */
    public List<String> townKinds() {
        return lexicon.townKinds();
    }

    /** Facts that say others of the same measure where those are not said (lexicon.yaml fact_implies). */
    /** The facts told of one part of a person's situation (lexicon.yaml fact_subjects: work, home…), by subject. */
    public Map<String, List<String>> factSubjects() {
        return lexicon.factSubjects();
    }

    /** The subjects whose facts point at the pathways looking at any fact of theirs (lexicon.yaml focus_subjects). */
    public Map<String, List<String>> focusSubjects() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String s : lexicon.focusSubjects()) out.put(s, lexicon.factSubjects().getOrDefault(s, List.of()));
        return out;
    }

    public Map<String, List<String>> factImplies() {
        return lexicon.factImplies();
    }

    /** The answering topics no case answer speaks to: without a rule on them, the document is silent (lexicon.yaml silent_topics). */
    public List<String> silentTopics() {
        return lexicon.silentTopics();
    }

    /** The topics whose rules answer a case message by themselves (lexicon.yaml answering_topics). */
    public List<String> answeringTopics() {
        return lexicon.answeringTopics();
    }

    /** The topics whose rules come before a case answer (lexicon.yaml case_topics). */
    public List<String> caseTopics() {
        return lexicon.caseTopics();
    }

    /** The words of the lexicon for a relation ("child": 儿子, 女儿, 闺女…), longest first. */
    public List<String> relativeWords(String relation) {
        return lexicon.relatives().getOrDefault(relation, List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    public PolicyModel model() {
        return model;
    }
}
