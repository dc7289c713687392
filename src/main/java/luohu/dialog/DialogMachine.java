package luohu.dialog;

import luohu.answer.Prompts;
import luohu.nlu.Questions;
import luohu.answer.AnswerCache;
import luohu.answer.CaseAnswers;
import luohu.answer.GeneralAnswers;
import luohu.nlu.Intent;
import luohu.nlu.Understander;
import luohu.nlu.Understanding;
import luohu.policy.Assessment;
import luohu.policy.Excluded;
import luohu.policy.Fact;
import luohu.policy.Facts;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;
import luohu.policy.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries one message through the conversation: understand it, merge its facts, take the flow's transition for the
 * current state and intent, and compose the reply. Stateless itself: the session goes in and comes out.
 */
public final class DialogMachine {
    /** The facts a place's pathways look at, by place (see {@link #factsLookedAt}). */
    private final Map<String, java.util.Set<String>> lookedAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** The documents' root places by name, for the buttons that ask which place. */
    private final List<String> rootPlaceNames;
    private final PolicyModel model;
    private final PolicyEngine engine;
    private final Understander understander;
    private final Flow flow;
    private final Prompts prompts;
    private final Questions questions;
    private final Planner planner;
    private final CaseAnswers cases;
    private final GeneralAnswers general;
    private final AnswerCache<GeneralTurn> cache;
    private final Responder responder;
    private final luohu.answer.PrecheckSheets sheets;

    /** A general question's whole turn, as the cache keeps it: the answer, and the place the message named. */
    public record GeneralTurn(String answer, String place, Intent intent, String action, Flow.Transition transition) {
    }

    public DialogMachine(PolicyEngine engine, Understander understander, DialogFiles dialogs, AnswerCache<GeneralTurn> cache) {
        this.model = engine.model();
        this.rootPlaceNames = model.rootPlaces().stream().map(Place::name).toList();
        this.engine = engine;
        this.understander = understander;
        this.flow = dialogs.flow();
        this.prompts = dialogs.prompts();
        this.questions = dialogs.questions();
        this.planner = new Planner(questions);
        this.cases = new CaseAnswers(model, prompts, questions);
        this.general = new GeneralAnswers(engine, prompts, cases).withCommonPairs(dialogs.lexicon().commonPairs())
                .withValidityWords(dialogs.lexicon().validityWords());
        this.cache = cache;
        this.sheets = new luohu.answer.PrecheckSheets(engine, prompts, questions);
        this.responder = new Responder(engine, dialogs.responses(), cases, questions, prompts)
                .withRelatives(understander::relativesNamed, r -> dialogs.lexicon().relationTerms().getOrDefault(r, List.of()),
                        understander::relativeWords, understander::relationOf,
                        understander::relativesMentioned)
                .withNoteCues(dialogs.lexicon().noteCues())
                .withAsks(understander::asks)
                .withSubjects(understander.focusSubjects())
                .withNearest((u, a) -> general.nearest(u, a.document(), a.place()));
    }

    /** The response rules, for tests that every rule is reached. */
    public ResponseRules responses() {
        return responder.rules();
    }

    public Flow flow() {
        return flow;
    }

    /** The greeting of a first contact: what the assistant can do, the places covered, and those places as options. */
    public Reply greeting() {
        return ButtonPayload.forPlaces(rootPlaces()).reply(prompts.say("greeting", "places", general.placeList()));
    }

    /** The texts of dialogs/prompts.yaml, for front ends that say things of their own. */
    public Prompts prompts() {
        return prompts;
    }

    /** The confirmation that a chat's data is gone. */
    public Reply forgotten() {
        return Reply.of(prompts.say("forget"));
    }

    public Understander understander() {
        return understander;
    }

    /** The questions and quick replies of dialogs/questions.yaml, e.g. for labelling form controls. */
    public Questions questions() {
        return questions;
    }

    public Turn handle(Session session, String text) {
        Turn quick = fromCache(session, text);
        if (quick != null) return quick;
        // a button's id means exactly its option: it is not read again as words
        Optional<Understanding> button = ButtonPayload.read(text, model);
        Understanding u = button.orElseGet(() -> understander.understand(text == null ? "" : text, session.asked(), place(session)));
        String from = session.state();
        if (button.isEmpty() && u.normalised().isBlank()) {
            return new Turn(session, withResume(prompts.say("unreadable"), session), u, "fallback", from, null, null);
        }
        if (button.isEmpty() && latinSentence(u.normalised())) {
            return new Turn(session, withResume(prompts.say("latin_only"), session), u, "fallback", from, null, null);
        }
        // a place outside the documents is a problem when it is where the applicant wants to settle, not when it is
        // where they come from ("我户口在河北") in a conversation that already has its place
        // where the hukou is ("户口在济南学校里") is not where to settle, nor is a place named with a question about the
        // case under way ("能跨省通办不 不想回河南跑")
        boolean hukouPlace = u.facts().knows("hukou_in_province") || u.facts().knows("hukou_in_city") || u.facts().knows("local_hukou");
        boolean aboutCase = session.place() != null && u.ask() != luohu.nlu.Ask.SETTLE && u.ask() != luohu.nlu.Ask.NONE;
        Optional<Reply> placeProblem = !hukouPlace && !aboutCase
                && (session.place() == null || u.intent() == Intent.SETTLE || u.intent() == Intent.COMPARE)
                ? placeProblem(u) : Optional.empty();
        if (placeProblem.isPresent()) return new Turn(session, placeProblem.get(), u, "fallback", from, null, null);

        luohu.nlu.PlaceMentions.Guess guess = u.places().guess();
        if (guess != null && !guess.sure() && u.places().covered().isEmpty()) {
            // what the message says is kept while the place is confirmed
            Session kept = session.withFacts(mergeFacts(session.facts(), u.facts()));
            Reply r = new Reply.Options().add(guess.place().name(), ButtonPayload.place(guess.place().name()))
                    .add(prompts.say("place_guess_no"), null)
                    .reply(prompts.say("place_guess", "written", guess.written(), "place", guess.place().name()));
            return new Turn(kept, r, u, "fallback", from, null, null);
        }
        // "老丈人丈母娘呢", "承包地呢": a short follow-up ending in 呢 asks again what was asked before, of what it names
        // ("那铁岭呢" after a topic question asks it of 铁岭)
        boolean placeOnly = u.ask() == luohu.nlu.Ask.SETTLE && u.facts().isEmpty() && !u.places().covered().isEmpty();
        // "那我媳妇呢" right after one's own case names someone who would come along: the case told is the speaker's,
        // so it is not taken as hers (her own facts, once told, make her the applicant)
        boolean otherPerson = u.ask() == luohu.nlu.Ask.SETTLE && u.facts().isEmpty() && u.places().covered().isEmpty()
                && u.applicant() != null && session.applicant() == null && !session.facts().isEmpty();
        if ((u.ask() == luohu.nlu.Ask.NONE || otherPerson || placeOnly && !"settle".equals(session.ask())) && session.ask() != null
                && understander.elliptical(u.normalised())
                && (u.intent() == Intent.OUT_OF_SCOPE || u.intent() == Intent.INFORM || placeOnly || otherPerson)) {
            luohu.nlu.Ask before = luohu.nlu.Ask.parse(session.ask());
            if (before == luohu.nlu.Ask.TOPIC) {
                u = topicAgain(session, u);
                return general(session, u).turn(u, "general", from);
            }
            // "那我媳妇呢" after a case answer: whether that relative may come along
            // (the one named comes along: the applicant stays who it was)
            boolean relative = !understander.relativesNamed(u.normalised()).isEmpty();
            u = relative ? u.withAsk(luohu.nlu.Ask.FAMILY, Intent.SETTLE).withApplicant(null) : u.withAsk(before, Intent.SETTLE);
        }
        // "办这个需要带啥" after a topic answer (恢复户口, 补发迁移证): materials of that matter, not of some pathway
        if (u.ask() == luohu.nlu.Ask.MATERIALS && "topic".equals(session.ask()) && session.place() != null
                && u.pathwayTopics().isEmpty() && u.facts().isEmpty() && u.topics().isEmpty()) {
            List<String> topics = topicsInView(session);
            if (!topics.isEmpty()) {
                PolicyDocument doc = model.documentOf(model.place(session.place()).orElseThrow());
                String reply = prompts.say("topic_materials_silent", "topic", model.topicName(topics.get(0)), "document", doc.info().citeName());
                return new Outcome(session, withResume(reply, session)).turn(u, "general", from);
            }
        }
        // "不对 是租了两年": a case told again with another value for what is known corrects it ("那公租房俺们能申请不" asks)
        if (u.intent() == Intent.INFORM && !u.hypothetical() && replacesKnown(session, u) && !understander.questioning(u.normalised())) {
            u = u.withAsk(u.ask(), Intent.CORRECTION);
        }
        Flow.Transition t = flow.next(from, u.intent()).orElse(null);
        String action = t == null ? "fallback" : t.action();
        // during a conversation about a place, a message no word of which the lexicon knows ("房东不给备按咋整", "单位没
        // 集体户 房子也还没买") is about the case under way, not about something else: the document's nearest words answer it
        if ("fallback".equals(action) && u.intent() == Intent.OUT_OF_SCOPE && session.place() != null
                && (!"start".equals(from) || session.ask() != null) && !understander.elsewhere(u.normalised())) {
            return nearest(session, u).turn(u, "nearest", from);
        }
        // facts told after a topic question ("孩子能中考吗" → "娃在这上了5年学") answer that topic again, for them
        if ("assess".equals(action) && u.ask() == luohu.nlu.Ask.NONE && "topic".equals(session.ask()) && !u.topics().isEmpty()) action = "general";
        // …and so do facts told with a yes-no question of no topic of its own ("俺户口在红山区 现在住松山区 用办不" after
        // how the residence permit works): that topic, for them
        if ("assess".equals(action) && u.ask() == luohu.nlu.Ask.NONE && "topic".equals(session.ask()) && u.topics().isEmpty()
                && !topicsInView(session).isEmpty() && understander.questioning(u.normalised())) {
            // (the intent that asked it, not the narrower topic last answered: "用办不" asks whether one applies at all)
            Understanding again = topicAgain(session, u);
            u = u.withAsk(again.ask(), again.intent());
            action = "general";
        }
        Outcome out = switch (action) {
            case "restart" -> new Outcome(Session.start(session.chatId()), Reply.of(prompts.say("restart")));
            case "forget" -> new Outcome(Session.start(session.chatId()), Reply.of(prompts.say("forget")));
            case "help" -> help(session, u);
            case "greet" -> new Outcome(session, greeting());
            case "greet_again" -> new Outcome(session, withResume(prompts.say("greeting_again"), session));
            case "thank" -> new Outcome(session, Reply.of(prompts.say("thanks")));
            case "precheck" -> precheck(session);
            case "assess" -> u.intent() == Intent.INFORM
                    ? unchanged(session, u, noted(u.facts()) + "\n" + prompts.say("noted_same")).orElse(this, session, u, "", true)
                    : assess(session, u, "", true, null);
            case "result" -> result(merge(session, u), u);
            case "correct" -> correct(session, u);
            case "compare" -> compare(session, u);
            case "general" -> general(session, u);
            default -> fallback(session, u);
        };
        // nothing but what the reply just given said, once more ("要是我在城里找着活了呢" changing nothing, "房子就四十来平 中不中"
        // after the purchase answer): the document's words nearest the message, or the conclusion in a line, instead of
        // the same lines again; part of that reply is a new answer to a what-if or to a rule asked about
        String said = out.reply.text();
        List<Integer> lines = session.lastLines().isEmpty() ? List.of() : Session.lineHashes(said);
        if (button.isEmpty() && session.saidJustNow(said, lines) && (lines.equals(session.lastLines()) || !u.hypothetical() && u.ask() != luohu.nlu.Ask.TOPIC)
                && (text == null ? 0 : text.hashCode()) != session.lastSaid()
                && ("assess".equals(action) || "correct".equals(action)) && !u.more() && place(out.session) != null) {
            out = new Outcome(out.session, sameAgain(out.session, u, said), out.assessment);
        } else if (button.isEmpty() && !lines.isEmpty() && ("assess".equals(action) || "correct".equals(action)) && out.assessment != null
                && (u.ask() == luohu.nlu.Ask.NONE || u.ask() == luohu.nlu.Ask.SETTLE)) {
            // …and a reply that is mostly lines just given keeps only its conclusion and what is new
            out = new Outcome(out.session, withoutRepeats(session, out.reply, lines, out.assessment), out.assessment);
        }
        // a question just put, passed over for a question of the person's own, is not put again at once
        if (u.ask() != luohu.nlu.Ask.NONE && out.session.asked() != null) out = new Outcome(out.session, notAgain(session, out.session, out.reply), out.assessment);
        return new Turn(out.session, once(out.reply), u, action, from, t, out.assessment);
    }

    /** How many lines a reply must repeat from the one before before its repeats are left out. */
    private static final int REPEATED_LINES = 3;

    /**
     * The reply without the lines the reply before it gave, when it repeats several: its conclusion (the first line),
     * its source and its question stay, so that a follow-up reads as what is new ("房子就四十来平" after the purchase
     * answer: the verdict in a line and the words on size, not the materials again).
     */
    private Reply withoutRepeats(Session before, Reply reply, List<Integer> lines, Assessment a) {
        int repeated = 0;
        for (int h : lines) if (before.lastLines().contains(h)) repeated++;
        if (repeated < REPEATED_LINES || repeated == lines.size()) return reply;
        String source = cases.text().source(a.document()).strip();
        String[] all = reply.text().strip().split("\n");
        // (a reply led by the rules quoted is an answer of its own, not a case answered again)
        if (all[0].strip().endsWith("：")) return reply;
        List<String> kept = new ArrayList<>();
        boolean concluded = false, underNew = false;
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty()) continue;
            boolean said = before.saidLine(line);
            boolean header = line.endsWith("："), item = line.startsWith("■") || line.startsWith("·") || Character.isDigit(line.charAt(0));
            // the first verdict line stays even when it was said: it is what the answer still is
            boolean conclusion = !concluded && said && !header && !item;
            if (conclusion) concluded = true;
            // a new heading keeps the lines under it
            if (!said || conclusion || i == all.length - 1 || line.equals(source) || item && underNew) kept.add(line);
            if (header) underNew = !said;
            else if (!item) underNew = false;
        }
        return new Reply(String.join("\n", kept), reply.options(), reply.payloads());
    }

    /**
     * The reply with each quotation said once: parts of an answer built apart may quote the same passage (a place's rule
     * and the pathway it leads to). Lines without a quotation (headings, "文件没有列明…") belong to their part.
     */
    private static Reply once(Reply reply) {
        // (most replies quote once or not at all)
        String text = reply.text();
        int first = text.indexOf('“');
        int lineEnd = first < 0 ? -1 : text.indexOf('\n', first);
        if (lineEnd < 0 || text.indexOf('“', lineEnd) < 0) return reply;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String line : text.split("\n")) {
            if (line.contains("“") && !seen.add(line.strip())) dropped = true;
            else kept.add(line);
        }
        if (!dropped) return reply;
        // (a heading left with nothing under it goes too)
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            boolean bare = kept.get(i).strip().endsWith("：") && (i + 1 == kept.size() || kept.get(i + 1).isBlank());
            boolean doubleBlank = kept.get(i).isBlank() && !out.isEmpty() && out.get(out.size() - 1).isBlank();
            if (!bare && !doubleBlank) out.add(kept.get(i));
        }
        return new Reply(String.join("\n", out), reply.options(), reply.payloads());
    }

    /** The reply without its last line when that line puts the question pending, as the reply before it did. */
    private Reply notAgain(Session before, Session after, Reply reply) {
        String text = reply.text().strip();
        int cut = text.lastIndexOf('\n');
        if (cut < 0) return reply;
        String last = text.substring(cut + 1);
        String question = responder.about(questions.get(after.asked()), after, false);
        boolean pending = last.equals(prompts.say("resume", "question", question).strip()) || last.equals(prompts.say("next_question", "question", question).strip());
        return pending && before.saidLine(last) ? Reply.of(text.substring(0, cut).strip()) : reply;
    }

    private record Outcome(Session session, Reply reply, Assessment assessment) {
        Outcome(Session session, Reply reply) {
            this(session, reply, null);
        }

        Turn turn(Understanding u, String action, String from) {
            return new Turn(session, reply, u, action, from, null, assessment);
        }
    }

    /** "你是AI吗" asks who answers, "你能做什么" what it can do. */
    private Outcome help(Session session, Understanding u) {
        Reply itself = understander.asks(u.normalised()).contains(luohu.nlu.Ask.IDENTITY) ? responder.aboutItself() : null;
        return itself != null ? new Outcome(session, itself)
                : new Outcome(session, withResume(prompts.say("help", "places", general.placeList()), session));
    }

    /** A message that names only places no document covers gets told so, with the places covered. */
    private Optional<Reply> placeProblem(Understanding u) {
        if (!u.places().covered().isEmpty() || u.places().uncovered().isEmpty()) return Optional.empty();
        String name = u.places().uncovered().get(0);
        List<PolicyDocument> inRegion = model.documents().stream().filter(d -> d.info().region().startsWith(name)).toList();
        if (!inRegion.isEmpty()) {
            List<String> names = inRegion.stream().map(d -> d.rootPlace().name()).toList();
            return Optional.of(new Reply(prompts.say("region_has_places", "region", name, "places", String.join("、", names)), names));
        }
        return Optional.of(ButtonPayload.forPlaces(rootPlaces()).reply(prompts.say("uncovered_place", "place", name, "places", general.placeList())));
    }

    /** The session with the message's facts and place taken in; a declined question is not asked again. */
    private Session merge(Session s, Understanding u) {
        // "我爸妈能跟着落户吗" names who would come along, not a relative to join
        Facts stated = u.ask() == luohu.nlu.Ask.FAMILY ? u.facts().without("local_relative") : u.facts();
        Facts merged = mergeFacts(s.facts(), stated);
        // what the facts say of others not yet known ("租房一年多": lived here as long); the message states only the first
        for (Map.Entry<String, List<String>> imp : understander.factImplies().entrySet()) {
            Object v = stated.get(imp.getKey()).orElse(null);
            if (v == null || v instanceof Excluded) continue;
            for (String other : imp.getValue()) if (!merged.knows(other)) merged = merged.with(other, v);
        }
        Session next = s.withFacts(merged);
        // staff telling of someone they serve ("窗口来了个小伙"): replies speak of 申请人, not of the one typing
        if (u.applicant() == null && s.applicant() == null && understander.staffTelling(u.normalised())) {
            next = next.withApplicant(prompts.say("served"));
        }
        // a message naming who would settle ("帮我儿子问问") changes the applicant; one naming nobody keeps them
        if (u.applicant() != null) {
            String word = applicantWord(u);
            if (!word.equals(s.applicant())) next = next.withFacts(relationsFor(next.facts(), stated, s.applicant(), u.applicant()));
            next = next.withApplicant(word);
        }
        Place p = u.places().last();
        if (p != null && u.intent() != Intent.COMPARE) next = next.withPlace(p.name());
        // "不知道", or "继续" while a question is pending: that question is set aside and not asked again
        if (s.asked() != null && !u.facts().knows(s.asked()) && (u.dontKnow() || u.more())) {
            next = next.decline(s.asked());
        }
        return next;
    }

    /** The facts that name a relative of the applicant: who they would join, who owns the home. */
    private static final List<String> RELATION_FACTS = List.of("local_relative", "home_owner_relative");

    /**
     * The facts naming a relative of the applicant, for a new applicant: a relative who was the person typing stays the
     * person typing, named as the new applicant's ("俺爸妈" joining the speaker → "我儿子" joining the speaker's: his
     * parent); any other is not known of the new applicant and is left out, with what it said of that relative.
     */
    private Facts relationsFor(Facts facts, Facts stated, String before, String now) {
        Facts out = facts;
        String speakerWas = before == null ? null : luohu.nlu.Relations.inverse(understander.relationOf(before));
        for (String f : RELATION_FACTS) {
            Object v = facts.get(f).orElse(null);
            if (v == null || stated.knows(f)) continue;
            if (speakerWas != null && speakerWas.equals(v) && luohu.nlu.Relations.inverse(now) != null) {
                out = out.with(f, luohu.nlu.Relations.inverse(now));
            } else {
                out = out.without(f);
                if (f.equals("local_relative")) {
                    for (String of : facts.asMap().keySet()) {
                        if ((of.startsWith("relative_") || of.equals("lives_with_relative")) && !stated.knows(of)) out = out.without(of);
                    }
                }
            }
        }
        return out;
    }

    /** Later values replace earlier ones; values ruled out add up until one is stated. */
    private static Facts mergeFacts(Facts earlier, Facts later) {
        Facts out = earlier;
        for (Map.Entry<String, Object> e : later.asMap().entrySet()) {
            Object old = earlier.get(e.getKey()).orElse(null);
            if (e.getValue() instanceof Excluded ex && old instanceof Excluded oldEx) out = out.with(e.getKey(), oldEx.plus(ex.values()));
            else if (e.getValue() instanceof Excluded ex && old != null && !ex.values().contains(old)) continue;
            else out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    private Place place(Session s) {
        return s.place() == null ? null : model.place(s.place()).orElse(null);
    }

    /**
     * Take in the message and answer what it asks for the place and facts known: the response rules of
     * dialogs/responses.yaml pick the kind of answer. A what-if is answered without recording its facts.
     */
    private Outcome assess(Session before, Understanding u, String prefix, boolean announce, Assessment known) {
        Session merged = merge(before, u);
        boolean whatif = u.hypothetical() && (!u.facts().isEmpty() || !u.pathwayTopics().isEmpty()) && before.place() != null
                && !"start".equals(before.state());
        Session s = whatif ? merged.withFacts(before.facts()) : merged;
        StringBuilder head = new StringBuilder(prefix);
        // what the document says beside the question (a topic the case touches, its words near a fact no condition looks
        // at) comes after the answer, so that the answer comes first
        StringBuilder aside = new StringBuilder();
        for (luohu.nlu.Rejected r : u.rejected()) {
            head.append(prompts.say("rejected", "text", r.text(), "reason", prompts.say("rejected_" + r.reason()))).append("\n");
        }
        Place place = place(merged);
        Place previous = place(before);
        if (previous != null && place != null && !previous.name().equals(place.name())) {
            head.append(prompts.say("place_switched", "place", place.name())).append("\n");
        }
        if (whatif && !u.facts().isEmpty()) head.append(prompts.say("whatif", "facts", factsText(u.facts()))).append("\n");
        else if (announce && place == null) {
            String noted = noted(u.facts());
            if (!noted.isEmpty()) head.append(noted).append("\n");
        }
        Assessment a = null;
        // a home in a city district (红山区, 银州区) is read as in town, and the reply says so: asking 城镇还是农村 of
        // someone who just named their district helps nobody, and the person can correct it; so is the home of a relative
        // the applicant would settle with ("我在银州区买了房 能让我老婆先单独落户吗")
        if (place != null && understander.townKinds().contains(place.kind())
                && (u.facts().knows("housing") || u.facts().knows("home_owner_relative"))
                && !merged.facts().knows("home_in_rural_area") && !whatif) {
            merged = merged.withFacts(merged.facts().with("home_in_rural_area", false));
            s = whatif ? s : s.withFacts(merged.facts());
            head.append(prompts.say("assumed_town", "place", place.name())).append("\n");
        }
        if (place != null) {
            // (the facts already assessed when they were told, unless the in-town reading was added since)
            a = known != null && known.facts().equals(merged.facts()) && known.place().equals(place) ? known : engine.assess(place, merged.facts());
            // a pathway's own materials, registration or family answer those asks; the topic's rules would repeat them
            // (where the household goes, asked with nothing in view, may be answered by such a rule: "落集体户的能发户口本不")
            boolean pathwayAsk = u.ask().aboutPathway() && !(u.ask() == luohu.nlu.Ask.REGISTRATION && before.focus().isEmpty());
            // a worry the rules answer by themselves ("城里户口能迁到农村不", "不迁行不行", "落户以后新农合咋转")
            // (one no case answer speaks to is that worry whatever pathway the words also name: "公租房能申请不")
            Optional<String> worry = u.topics().stream().filter(understander.answeringTopics()::contains)
                    .filter(t -> u.pathwayTopics().isEmpty() || understander.silentTopics().contains(t)).findFirst();
            boolean householdRules = u.ask() == luohu.nlu.Ask.REGISTRATION && before.focus().isEmpty() && u.pathwayTopics().isEmpty()
                    && u.facts().asMap().keySet().stream().allMatch(f -> f.equals("local_hukou"))
                    || worry.isPresent();
            String notes = pathwayAsk ? null : general.topicNotes(u, place, merged.facts(), understander.caseTopics(), householdRules ? 2 : 1);
            // …at a place whose document has no rule on it: the document does not say, rather than a case answer instead
            if (notes == null && worry.isPresent() && !pathwayAsk && understander.silentTopics().contains(worry.get())) {
                return rulesAnswer(s, head + prompts.say("topic_silent", "document", model.documentOf(place).info().citeName(),
                        "topic", model.topicName(worry.get())), a);
            }
            // where the household goes, asked with nothing in view and answered by the document's rules on it: those
            // rules are the answer, not a list of pathways to pick from
            if (notes != null && householdRules) return rulesAnswer(s, head + notes, a);
            boolean asked = u.ask() == luohu.nlu.Ask.TOPIC || u.ask() == luohu.nlu.Ask.REQUIREMENT || u.ask() == luohu.nlu.Ask.REGISTRATION;
            if (notes != null) (asked ? head : aside).append(notes).append(asked ? "\n\n" : "\n");
            // a topic rule already answering the message's worry ("有年龄限制没") is not to be followed by a silence
            String silent = notes == null ? silentFacts(u.facts(), place) : null;
            if (silent != null) {
                // what the document does say near it ("只有购房合同行不": the materials name 购房合同), instead of a
                // silence it would contradict
                head.append(general.nearest(u, model.documentOf(place), place).orElse(silent)).append("\n");
            } else if (notes == null && statesUnused(u.facts(), place)) {
                // a fact no condition looks at ("还没拿到房产证") may still be answered by the document's own words
                // a long message shares a run or two of words with many passages by chance: it needs one more
                int near = u.normalised().length() > LONG_MESSAGE ? 3 : 2;
                general.nearest(u, model.documentOf(place), place, near).ifPresent(p -> aside.append(p).append("\n"));
            }
        }
        Responder.Answer answer = responder.respond(before, s, u, a, head.toString(), aside.toString(), whatif, rootPlaces(), general.placeList());
        return new Outcome(answer.session(), answer.reply(), a);
    }

    /** An answer from the document's rules alone (or that it has none), with its source: the case is not assessed again. */
    private Outcome rulesAnswer(Session s, String text, Assessment a) {
        return new Outcome(s.withState("answered").withAsked(null), new Reply(text + "\n" + cases.text().source(a.document()),
                List.of("重新开始")), a);
    }

    /**
     * The applicant in the words of the message ("孙子", "闺女"), so that replies say "您孙子"; the relation id's
     * word from the lexicon when none of its words occurs.
     */
    private String applicantWord(Understanding u) {
        List<String> words = understander.relativeWords(u.applicant());
        return words.stream().filter(u.normalised()::contains).max(java.util.Comparator.comparingInt(String::length))
                .orElse(words.isEmpty() ? u.applicant() : words.get(0));
    }

    /** Facts in plain words, "住房：自己的房子；…". */
    private String factsText(Facts stated) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : stated.asMap().entrySet()) {
            if (e.getKey().equals("local_hukou")) continue;
            parts.add(model.vocabulary().get(e.getKey()).name() + "：" + valueLabel(e.getKey(), e.getValue()));
        }
        return String.join("；", parts);
    }

    private Outcome result(Session s, Understanding u) {
        Place place = place(s);
        if (place == null) return assess(s, u, "", false, null);
        Assessment a = engine.assess(place, s.facts());
        // the question pending stays pending: a reply to it after the result is still understood
        return new Outcome(s.withState("answered"), new Reply(cases.asItStands(a),
                a.with(Status.UNDETERMINED).isEmpty() ? List.of("重新开始") : List.of("继续", "重新开始")), a);
    }

    /** A corrected fact replaces the earlier one; the reply says what changed, then carries on. */
    private Outcome correct(Session s, Understanding u) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : u.facts().asMap().entrySet()) {
            Object old = s.facts().get(e.getKey()).orElse(null);
            if (e.getKey().equals("local_hukou") || Objects.equals(old, e.getValue())) continue;
            Fact f = model.vocabulary().get(e.getKey());
            changes.add(f.name() + (old == null ? "" : "：" + valueLabel(e.getKey(), old)) + " → " + valueLabel(e.getKey(), e.getValue()));
        }
        // "说错了不是喀什是哈密": the place named last is the right one, even of the same document as the wrong one
        Place named = namedLast(u.normalised()).orElse(u.places().last());
        boolean placeChanged = named != null && !named.name().equals(s.place());
        if (changes.isEmpty() && !placeChanged) {
            // a correction read as no change ("说错了 她还没毕业呢 明年六月才拿证"): the document's words nearest it, without
            // a verdict that would ignore it, and how to put it so that it is read
            Optional<String> near = s.place() == null ? Optional.empty() : nearestWords(s, u);
            return new Outcome(s, withResume(near.map(p -> p + "\n" + prompts.say("correction_unread")).orElse(prompts.say("nothing_to_correct")), s));
        }
        if (placeChanged && !named.equals(u.places().last())) {
            u = u.withPlaces(new luohu.nlu.PlaceMentions(List.of(named), u.places().uncovered(), null));
        }
        String prefix = changes.isEmpty() ? "" : prompts.say("corrected", "changes", String.join("；", changes)) + "\n";
        // a correction that changes a verdict asks for the verdict again, not what the turn before asked of it
        Understanding again = u.ask() == luohu.nlu.Ask.NONE ? u.withAsk(luohu.nlu.Ask.SETTLE, u.intent()) : u;
        if (!placeChanged) return unchanged(s, u, prefix + prompts.say("corrected_same")).orElse(this, s, again, prefix, false);
        return assess(s, again, prefix, false, null);
    }

    /**
     * A fact told or corrected after an answer that changes no pathway's verdict there is acknowledged in a line (and
     * the question pending asked again), not answered in full once more.
     */
    private Told unchanged(Session s, Understanding u, String said) {
        Place place = place(s);
        if (place == null || "start".equals(s.state()) || u.hypothetical() || u.ask() != luohu.nlu.Ask.NONE || u.facts().isEmpty()
                || understander.questioning(u.normalised())) {
            return new Told(null, null);
        }
        Session merged = merge(s, u);
        // (facts all known already, as they are when the same message comes again, are no news to acknowledge)
        if (merged.facts().equals(s.facts())) return new Told(null, null);
        if (!Objects.equals(merged.place(), s.place()) || !Objects.equals(merged.applicant(), s.applicant())) return new Told(null, null);
        Assessment now = engine.assess(place, merged.facts());
        if (engine.verdictsDiffer(now, s.facts())) return new Told(null, now);
        return new Told(new Outcome(merged, withResume(said, merged), now), now);
    }

    /** The one-line outcome of facts that change no verdict, or null; and the facts' assessment, for the full answer. */
    private record Told(Outcome brief, Assessment now) {
        Outcome orElse(DialogMachine m, Session before, Understanding u, String prefix, boolean announce) {
            return brief != null ? brief : m.assess(before, u, prefix, announce, now);
        }
    }

    /** Whether the message, about the same applicant, gives another value for a fact the session already knows. */
    private boolean replacesKnown(Session s, Understanding u) {
        if (u.applicant() != null && !applicantWord(u).equals(s.applicant())) return false;
        for (Map.Entry<String, Object> e : u.facts().asMap().entrySet()) {
            Object old = s.facts().get(e.getKey()).orElse(null);
            if (old == null || old instanceof Excluded || e.getValue() instanceof Excluded || e.getKey().equals("local_hukou")) continue;
            if (!old.equals(e.getValue())) return true;
        }
        return false;
    }

    /** The covered place whose name (or alias) comes last in the text. */
    private Optional<Place> namedLast(String text) {
        Place best = null;
        int at = -1;
        for (String name : model.placeNames()) {
            int i = text.lastIndexOf(name);
            // longer names are tried first: 乌鲁木齐市 before 乌鲁木齐 at the same spot
            if (i > at) {
                at = i;
                best = model.place(name).orElse(null);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One ask across several places: each place named (or every document when none is) answered side by side from
     * the facts known and stated; the conversation's own place and question stay as they were.
     */
    private Outcome compare(Session before, Understanding u) {
        List<Place> places = new ArrayList<>(u.places().covered());
        if (places.size() < 2 && u.intent() == Intent.COMPARE) {
            for (Place root : model.rootPlaces()) if (places.stream().noneMatch(p -> p.documentId().equals(root.documentId()))) places.add(root);
        }
        if (places.size() < 2 || u.ask() == luohu.nlu.Ask.TOPIC) return general(before, u);
        Session s = before.withFacts(mergeFacts(before.facts(), u.facts()));
        // "赤峰这个文件是哪年出的 比聊城那个新还是旧": the documents' dates side by side, not their pathways
        if (u.topics().contains("policy_info") && u.places().covered().size() >= 2) {
            List<String> parts = new ArrayList<>();
            Understanding info = u.withAsk(luohu.nlu.Ask.TOPIC, Intent.POLICY_INFO);
            for (Place p : places) parts.add("【" + p.name() + "】\n" + general.answer(info, p, s.facts()));
            return new Outcome(s, withResume(String.join("\n\n", parts), s));
        }
        Reply r = responder.compare(u, places, s.facts(), engine);
        return new Outcome(s, withResume(r.text(), s));
    }

    /** A general question: answered from the clauses; an interview under way then resumes. */
    private Outcome general(Session before, Understanding u) {
        Session s = merge(before, u);
        Place place = place(s);
        String answer;
        if (cacheable(before) && statesNothing(u)) {
            Flow.Transition t = flow.next(before.state(), u.intent()).orElse(null);
            answer = cache.get(model.version(), before.place(), u.normalised(),
                    () -> new GeneralTurn(general.answer(u, place, s.facts()), s.place(), u.intent(), t == null ? "general" : t.action(), t)).answer();
        } else {
            answer = general.answer(u, place, s.facts());
        }
        // the topics asked about stay in view beside the pathways, for a follow-up such as "那铁岭呢"
        List<String> focus = new ArrayList<>(s.focus().stream().filter(f -> !f.startsWith(TOPIC)).toList());
        u.topics().forEach(t -> focus.add(TOPIC + t));
        if (u.topics().isEmpty()) s.focus().stream().filter(f -> f.startsWith(TOPIC)).forEach(focus::add);
        return new Outcome(s.withFocus(focus, luohu.nlu.Ask.TOPIC.id()), withResume(answer, s));
    }

    /** How a topic in view is written in the session's focus, beside pathway ids. */
    private static final String TOPIC = "topic:";

    /** The topics the conversation last answered about, kept in its focus. */
    private static List<String> topicsInView(Session s) {
        return s.focus().stream().filter(f -> f.startsWith(TOPIC)).map(f -> f.substring(TOPIC.length())).toList();
    }

    /**
     * Whether a general answer depends only on the question and the place: no facts known yet (nothing to put
     * first), no question pending (nothing to resume). Such answers are cached per place before the message.
     */
    private static boolean cacheable(Session s) {
        return s.facts().isEmpty() && s.asked() == null;
    }

    /**
     * Whether a message changes nothing of the session but its place: a cached turn keeps only the place, so a
     * message stating facts, an applicant or impossible values is never cached (it would drop them for the next chat).
     */
    private static boolean statesNothing(Understanding u) {
        return u.facts().isEmpty() && u.applicant() == null && u.rejected().isEmpty() && !u.hypothetical();
    }

    /** A frequent general question asked again: its whole turn from the cache, without understanding it anew. */
    private Turn fromCache(Session s, String text) {
        if (!cacheable(s)) return null;
        String norm = luohu.nlu.Normalizer.normalise(text == null ? "" : text);
        GeneralTurn g = cache.find(model.version(), s.place(), norm);
        if (g == null || g.transition() == null || !g.transition().from().equals(s.state())) return null;
        Session next = g.place() == null ? s : s.withPlace(g.place());
        Understanding u = new Understanding(norm, g.intent(), Facts.EMPTY, new luohu.nlu.PlaceMentions(List.of(), List.of()),
                List.of(), List.of(), null, false, false, false, List.of(), luohu.nlu.Ask.TOPIC, List.of(), false);
        return new Turn(next, withResume(g.answer(), next), u, g.action(), s.state(), g.transition(), null);
    }

    /**
     * The pre-check sheet of the conversation so far, or empty while there is none to give (no place or no fact yet).
     * The code that goes with it is issued by the caller, which keeps the codes.
     */
    public java.util.Optional<luohu.answer.PrecheckSheet> precheckSheet(Session s) {
        return sheets.build(s.place(), s.facts(), s.focus(), null);
    }

    public luohu.answer.PrecheckSheets sheets() {
        return sheets;
    }

    /** 预审单: the sheet (its code is added by the caller), or what is needed first; the conversation stays where it was. */
    private Outcome precheck(Session s) {
        return precheckSheet(s).map(sheet -> new Outcome(s, Reply.of(sheet.text())))
                .orElseGet(() -> new Outcome(s, withResume(prompts.say("precheck_not_yet"), s)));
    }

    /** A sentence in a Latin script (no Chinese at all, several words): the assistant reads Chinese only. */
    private static boolean latinSentence(String text) {
        boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return !han && text.split("[^\\p{IsLatin}]+").length > 3;
    }

    /**
     * A message about the case under way that no rule reads: the document's passage nearest its words, or, when none is
     * near, that the document does not speak of it; the question pending, if any, is asked again.
     */
    private Outcome nearest(Session s, Understanding u) {
        Optional<String> near = nearestWords(s, u);
        // after a question on a topic ("说白了 就是能不能考" after 中考), that topic's rules, for the facts known
        if (near.isEmpty() && "topic".equals(s.ask()) && !topicsInView(s).isEmpty()) return general(s, topicAgain(s, u));
        String document = model.documentOf(place(s)).info().citeName();
        return new Outcome(s, withResume(near.orElse(prompts.say("nearest_silent", "document", document)), s));
    }

    /** Instead of the reply just given: the document's words nearest the message, or that the answer stands. */
    private Reply sameAgain(Session s, Understanding u, String repeated) {
        // (the conclusion, which leads the reply, in a line; a reply led by the rules quoted, or by a pathway's family or
        // registration lines, has none to repeat)
        Optional<String> conclusion = repeated.lines().findFirst().map(String::strip)
                .filter(l -> !l.endsWith("：") && !l.startsWith("■") && !l.startsWith("·"));
        return withResume(nearestWords(s, u).orElseGet(() -> conclusion.map(c -> prompts.say("same_answer", "conclusion", c))
                .orElse(prompts.say("same_answer_above"))), s);
    }
    /** The passage of the place's document nearest the message, with its source line; empty when none is near. */
    private Optional<String> nearestWords(Session s, Understanding u) {
        Place place = place(s);
        PolicyDocument doc = model.documentOf(place);
        return general.nearest(u, doc, place).map(p -> p + "\n" + cases.text().source(doc));
    }

    /** The message asking again of the topic asked before, with the intent that asked it, unless it names another. */
    private Understanding topicAgain(Session s, Understanding u) {
        // the latest turn that asked of a topic ("社区开证名 要开啥样的" asked materials of the no-hukou rules before it)
        Intent asked = Intent.LAND;
        for (int i = s.recent().size() - 1; i >= 0; i--) {
            Intent each = Intent.parse(s.recent().get(i).intent());
            if (each.general() || each == Intent.REQUIREMENT) {
                asked = each;
                break;
            }
        }
        Understanding again = u.withAsk(luohu.nlu.Ask.TOPIC, asked);
        return again.topics().isEmpty() ? again.withTopics(topicsInView(s)) : again;
    }

    private Outcome fallback(Session s, Understanding u) {
        boolean chinese = u.normalised().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String name = !chinese && u.normalised().codePoints().anyMatch(Character::isLetter) ? "latin_only"
                : "interview".equals(s.state()) ? "unreadable" : "fallback";
        return new Outcome(s, withResume(prompts.say(name), s));
    }

    /** The reply, followed by the pending question when an interview is under way. */
    private Reply withResume(String text, Session s) {
        if (!"interview".equals(s.state()) || s.asked() == null) {
            return s.state().equals("need_place") ? ButtonPayload.forPlaces(rootPlaces()).reply(text + "\n\n" + prompts.say("ask_place", "places", general.placeList()))
                    : Reply.of(text.strip());
        }
        Questions.Question q = questions.get(s.asked());
        return ButtonPayload.forQuestion(q).reply(text.strip() + "\n\n" + prompts.say("resume", "question", responder.about(q, s, false)));
    }

    /** Characters beyond which a message is long (a case told in full rather than one question). */
    private static final int LONG_MESSAGE = 30;

    /** Whether the message states a fact no condition of the place's document looks at. */
    private boolean statesUnused(Facts stated, Place place) {
        java.util.Set<String> used = factsLookedAt(place, false);
        return stated.asMap().keySet().stream().anyMatch(f -> !f.equals("local_hukou") && !used.contains(f));
    }

    /** The facts the conditions of the place's document look at: of every pathway, or of those that apply there. */
    private java.util.Set<String> factsLookedAt(Place place, boolean applyingOnly) {
        // the same for every message about the place: gathered once (a machine serves one model)
        return lookedAt.computeIfAbsent((applyingOnly ? "applying:" : "all:") + place.name(), k -> {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (luohu.policy.Pathway p : model.documentOf(place).pathways()) {
                if (applyingOnly && p.scope().covers(place) == luohu.policy.Truth.FALSE) continue;
                luohu.policy.Condition.leavesOf(p.conditions()).forEach(l -> used.add(l.fact()));
            }
            return java.util.Set.copyOf(used);
        });
    }

    /** When no pathway of the place's document looks at any fact the message states, the document is silent on them. */
    private String silentFacts(Facts stated, Place place) {
        PolicyDocument doc = model.documentOf(place);
        java.util.Set<String> used = factsLookedAt(place, true);
        // only when nothing the message states is looked at, nor anything else of the same part of one's situation:
        // then the document is silent on the applicant's situation (where no pathway applies at all, the place's own
        // notices say what the document says instead)
        if (used.isEmpty() || stated.asMap().keySet().stream().anyMatch(f -> used.contains(f) || subjectLookedAt(f, used))) return null;
        List<String> silent = stated.asMap().keySet().stream()
                .filter(f -> !f.equals("local_hukou") && questions.has(f))
                .map(f -> model.vocabulary().get(f).name()).toList();
        return silent.isEmpty() ? null : prompts.say("silent_facts", "document", doc.info().citeName(), "facts", String.join("、", silent));
    }

    /** Whether the document looks at a fact of the same part of one's situation as this one (a job, a home…). */
    private boolean subjectLookedAt(String fact, java.util.Set<String> used) {
        return understander.factSubjects().values().stream().anyMatch(facts -> facts.contains(fact) && facts.stream().anyMatch(used::contains));
    }

    /** A value in the words of its question's option when it has one ("在农村" rather than "是"). */
    private String valueLabel(String fact, Object value) {
        // a number is said as it is: 12 months, not the button's "一到两年" it falls in
        String option = value instanceof Number ? null : questions.optionLabel(fact, value);
        return option != null ? option : model.vocabulary().get(fact).label(value);
    }

    /** "已记下：…" for the facts a message stated, in plain words. */
    private String noted(Facts stated) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : stated.asMap().entrySet()) {
            if (e.getKey().equals("local_hukou") && Boolean.FALSE.equals(e.getValue())) continue;
            parts.add(model.vocabulary().get(e.getKey()).name() + "：" + valueLabel(e.getKey(), e.getValue()));
        }
        return parts.isEmpty() ? "" : prompts.say("noted", "facts", String.join("；", parts));
    }

    private List<String> rootPlaces() {
        return rootPlaceNames;
    }
}
