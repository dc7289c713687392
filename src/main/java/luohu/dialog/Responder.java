package luohu.dialog;

import luohu.answer.Prompts;
import luohu.nlu.Questions;
import luohu.answer.CaseAnswers;
import luohu.answer.Replies;
import luohu.nlu.Ask;
import luohu.nlu.Understanding;
import luohu.policy.Assessment;
import luohu.policy.Condition;
import luohu.policy.Facts;
import luohu.policy.PathwayOutcome;
import luohu.policy.PolicyModel;
import luohu.policy.Status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers what a message asks about a case: finds the pathways in focus and the {@link Situation}, lets the rules of
 * dialogs/responses.yaml pick the kind of answer, renders it, and asks a question only when its answer can change
 * the answer to what was asked.
 */
final class Responder {
    private Map<String, List<String>> subjects = Map.of();
    private final luohu.policy.PolicyEngine engine;
    private final PolicyModel model;
    private final ResponseRules rules;
    private final Replies replies;
    private final CaseAnswers cases;
    private final Planner planner;
    private final Questions questions;
    private final Prompts prompts;

    /** What the responder decided: the session to keep, the reply, the rule taken. */
    record Answer(Session session, Reply reply, ResponseRules.Rule rule) {
    }

    /** The pathways in focus and whether something pointed at them. */
    record Focus(List<PathwayOutcome> pathways, boolean narrow) {
        List<String> ids() {
            List<String> out = new ArrayList<>(pathways.size());
            for (PathwayOutcome o : pathways) out.add(o.pathway().id());
            return out;
        }
    }

    private java.util.function.Function<String, List<String>> relatives = t -> List.of();
    private java.util.function.Function<String, List<Ask>> allAsks = t -> List.of();

    /** How to find every ask a message names. */
    Responder withAsks(java.util.function.Function<String, List<Ask>> all) {
        this.allAsks = all;
        return this;
    }
    private java.util.function.Function<String, List<String>> relationTerms = r -> List.of();
    private java.util.function.Function<String, List<String>> relationWords = r -> List.of();
    private java.util.function.Function<String, String> relationOf = w -> null;
    private java.util.function.BiFunction<Understanding, Assessment, Optional<String>> nearest = (u, a) -> Optional.empty();
    private java.util.function.Function<String, List<String>> mentioned = t -> List.of();

    /** How the words of a message name relatives, and the terms the documents use for each relation. */
    Responder withNoteCues(java.util.Collection<String> cues) {
        replies.withNoteCues(cues);
        return this;
    }

    /** The facts told of each part of a person's situation (work, home…), for facts no pathway looks at itself. */
    Responder withSubjects(Map<String, List<String>> subjects) {
        this.subjects = subjects;
        return this;
    }

    /** Where the document's passage nearest a message comes from. */
    Responder withNearest(java.util.function.BiFunction<Understanding, Assessment, Optional<String>> nearest) {
        this.nearest = nearest;
        return this;
    }

    Responder withRelatives(java.util.function.Function<String, List<String>> named,
                            java.util.function.Function<String, List<String>> terms,
                            java.util.function.Function<String, List<String>> words,
                            java.util.function.Function<String, String> relationOf,
                            java.util.function.Function<String, List<String>> mentioned) {
        this.relatives = named;
        this.relationTerms = terms;
        this.relationWords = words;
        this.relationOf = relationOf;
        this.mentioned = mentioned;
        return this;
    }

    Responder(luohu.policy.PolicyEngine engine, ResponseRules rules, CaseAnswers cases, Questions questions, Prompts prompts) {
        this.engine = engine;
        this.model = engine.model();
        this.rules = rules;
        this.replies = new Replies(engine, cases, prompts);
        this.cases = cases;
        this.planner = new Planner(questions);
        this.questions = questions;
        this.prompts = prompts;
    }

    Replies replies() {
        return replies;
    }

    ResponseRules rules() {
        return rules;
    }

    /**
     * A question about the assistant itself ("你是AI吗"), answered as dialogs/responses.yaml says for that ask; null
     * when the rules give it no answer of its own.
     */
    Reply aboutItself() {
        ResponseRules.Rule r = rules.pick(new Situation(Ask.IDENTITY, false, false, "undetermined", false, false, false, false));
        return "identity".equals(r.say()) ? Reply.of(prompts.say("identity")) : null;
    }

    /**
     * @param before the session before the message
     * @param s      the session with the message taken in (what is kept; a what-if keeps the facts of before)
     * @param a      the assessment to answer from (a what-if's facts included), null when no place is known
     * @param head   what goes before the answer (a place switch, a correction, notes on the topic asked)
     * @param aside  what goes after it, before the source (notes on topics the message touched without asking)
     */
    Answer respond(Session before, Session s, Understanding u, Assessment a, String head, String aside, boolean whatif,
                   List<String> rootPlaces, String placeList) {
        Ask ask = askOf(before, u);
        String who = replies.who(s.applicant());
        boolean joined = s.applicant() != null && joinsSpeaker(s, u);
        boolean samePlace = before.place() != null && before.place().equals(s.place());
        if (a == null) {
            Situation sit = new Situation(ask, false, false, "undetermined", false, whatif, false, false);
            ResponseRules.Rule r = rules.pick(sit);
            if ("identity".equals(r.say())) return new Answer(s, Reply.of(prompts.say("identity")), r);
            return new Answer(s.withState("need_place").withAsked(null).withFocus(List.of(), ask.id()),
                    ButtonPayload.forPlaces(rootPlaces).reply(head + prompts.say("ask_place", "places", placeList)), r);
        }
        boolean allOut = onlyOf(a.outcomes(), Status.NOT_APPLICABLE);
        Focus focus = focus(a, u, before, samePlace);
        if (ask.aboutPathway()) focus = withoutRefused(focus);
        // the last answer of an overall assessment: the answer is about every pathway, not the one it closed
        boolean overallDone = "interview".equals(before.state()) && samePlace && before.focus().isEmpty() && ask == Ask.SETTLE
                && a.with(Status.UNDETERMINED).isEmpty();
        if (overallDone) focus = new Focus(Replies.inScope(a), false);
        // going on with open pathways ("继续", then answering their questions) is about those pathways only
        boolean goingOn = u.more() || "interview".equals(before.state()) && u.ask() == Ask.NONE;
        // "能落她家不" after the answer that another pathway fits: that answer stands and was given; the pathway the words
        // point at is the answer now
        List<PathwayOutcome> stands = standing(a, focus, before, samePlace && java.util.Objects.equals(before.applicant(), s.applicant()), u.ask());
        String outcome = allOut ? "none" : outcome(a, focus, goingOn || !stands.isEmpty() ? Ask.NONE : ask);
        if (!stands.isEmpty() && "undetermined".equals(outcome)) {
            head += prompts.say("still_fits", "pathways", stands.stream().map(o -> "“" + o.pathway().name() + "”").collect(java.util.stream.Collectors.joining("、"))) + "\n";
        }
        boolean followup = "answered".equals(before.state()) && samePlace && stated(u).isEmpty();
        // answering the questions of an overall assessment: the interview goes on while pathways are open
        boolean overall = "interview".equals(before.state()) && samePlace && before.focus().isEmpty() && ask == Ask.SETTLE
                && !a.with(Status.UNDETERMINED).isEmpty();
        // (an answer that it fits gave the materials too: asking them next asks again)
        boolean again = followup && focus.ids().equals(before.focus()) && (ask.id().equals(before.ask())
                || ask == Ask.MATERIALS && Ask.SETTLE.id().equals(before.ask()) && "eligible".equals(outcome));
        Situation sit = new Situation(ask, true, focus.narrow(), outcome, followup, whatif, overall, again);
        ResponseRules.Rule r = rules.pick(sit);
        // asked again, a question the document has no nearer words for ("要带啥" once more) is answered as before, in full
        String near = "nearest".equals(r.say()) ? nearest.apply(u, a).orElse(null) : null;
        if ("nearest".equals(r.say()) && near == null) {
            sit = sit.notAgain();
            r = rules.pick(sit);
        }
        // the document's notices (a draft, a place's own rules) are said once for a place, not on every answer
        boolean noticed = samePlace && before.recent().stream().anyMatch(n -> NOTICING.contains(n.action()));
        String notices = followup || noticed ? "" : replies.notices(a);
        // "在赤峰租房能落户吗": the words name a kind of pathway this document does not have; say so first
        if (!u.pathwayTopics().isEmpty() && !followup && !anyOnTopics(Replies.inScope(a), u.pathwayTopics())) {
            String topic = u.pathwayTopics().get(0);
            // where a general rule speaks of it (赤峰: renting gives the 合法稳定住所 the pathways need), quote that rule
            notices += replies.says(a, topic)
                    ? prompts.say("no_such_pathway_rules", "document", a.document().info().citeName(), "topic", model.topicName(topic))
                        + replies.ruleLines(a, topic, u.normalised()) + "\n"
                    : prompts.say("no_such_pathway", "document", a.document().info().citeName(), "topic", model.topicName(topic)) + "\n";
        }
        String source = "\n" + (aside.isBlank() ? "" : aside.strip() + "\n") + replies.source(a);
        List<PathwayOutcome> fits = focus.pathways().stream().filter(o -> o.status() == Status.ELIGIBLE).toList();
        if (fits.isEmpty() && "eligible".equals(outcome)) fits = a.with(Status.ELIGIBLE);
        // the pathway that fits the applicant's situation most closely first: a specific route before a general one
        // the route the words named ("租房能落户不": 租房落户), the narrower first, before a general one that also covers it
        java.util.function.ToIntFunction<PathwayOutcome> wordsNamed = o -> luohu.common.Lists.anyIn(o.pathway().topics(), u.pathwayTopics())
                ? o.pathway().topics().size() : Integer.MAX_VALUE;
        fits = fits.stream().sorted(java.util.Comparator.comparingInt(wordsNamed).thenComparingInt(o -> -o.met().size())).toList();
        // an answer that it fits by a pathway outside the focus ("租的房 备案了" while 高校毕业生落户 fits) is about that
        // pathway: follow-ups ("那俺媳妇能跟着不") ask of it
        boolean fitsElsewhere = !fits.isEmpty() && focus.pathways().stream().noneMatch(o -> o.status() == Status.ELIGIBLE);
        Session done = s.withState("answered").withAsked(null)
                .withFocus(fitsElsewhere ? fits.stream().map(o -> o.pathway().id()).toList() : focus.ids(), ask.id());
        // a short answer offers the whole result ("详细") and a fresh start
        List<String> after = List.of(prompts.say("option_detail"), "重新开始");
        String body;
        switch (r.say()) {
            case "identity" -> {
                return new Answer(s, Reply.of(prompts.say("identity")), r);
            }
            case "no_pathways" -> {
                return new Answer(done, new Reply(head + cases.noPathwaysHere(a), after), r);
            }
            case "cross_province" -> body = replies.crossProvince(a, focus.narrow() ? focus.pathways() : List.of());
            case "practical" -> {
                // "要花多少钱 多久能办好": each practical thing asked, a line each
                List<String> lines = new ArrayList<>();
                List<String> silent = new ArrayList<>();
                List<Ask> named = new ArrayList<>(allAsks.apply(u.normalised()));
                if (!named.contains(ask)) named.add(0, ask);
                for (Ask each : named) {
                    if (!(each.practical() && each != Ask.CROSS_PROVINCE || each == ask)) continue;
                    if (replies.says(a, each.id())) lines.add(replies.practical(a, each.id(), model.topicName(each.id())));
                    else silent.add(model.topicName(each.id()));
                }
                if (!silent.isEmpty()) lines.add(replies.silentOn(a, silent));
                body = String.join("\n", lines);
            }
            case "nearest" -> {
                // asked again of what was just answered ("那个审批表找谁开啊" after the materials): the document's words
                // nearest the question
                return new Answer(done, new Reply(head + near + source, after), r);
            }
            case "materials" -> body = replies.materials(a, fits.isEmpty() ? ordered(focus.pathways()) : fits);
            case "registration" -> {
                // "去哪办" asks the office as well as where the household goes: what the document says of the office first
                String office = allAsks.apply(u.normalised()).contains(Ask.OFFICE)
                        ? replies.practical(a, Ask.OFFICE.id(), model.topicName(Ask.OFFICE.id())) + "\n" : "";
                body = office + replies.registration(a, fits.isEmpty() ? ordered(focus.pathways()) : fits);
            }
            case "family" -> {
                List<PathwayOutcome> of = fits.isEmpty() ? ordered(focus.pathways()) : fits;
                String lines = replies.family(a, of);
                // the relatives are the speaker's own only when the speaker is the applicant
                String lead = u.applicant() == null && s.applicant() == null ? relativesAsked(u, lines, true) : "";
                // where the document names no one for any pathway in view, that line already says so of every relative
                boolean allSilent = of.stream().allMatch(o -> o.pathway().family().isEmpty());
                body = lead + lines + (allSilent ? "" : relativesAsked(u, lines, false));
            }
            case "menu" -> {
                String shared = ask == Ask.REGISTRATION ? replies.sharedRegistration(a) : ask == Ask.FAMILY ? replies.sharedFamily(a) : null;
                if (shared != null) {
                    return new Answer(s.withState("answered").withAsked(null).withFocus(List.of(), ask.id()),
                            new Reply(head + notices + shared + source, after), r);
                }
                String intro = prompts.say(ask == Ask.MATERIALS ? "menu_materials" : ask == Ask.OVERVIEW ? "menu_overview" : "menu_registration",
                        "place", a.place().name());
                List<String> names = Replies.inScope(a).stream().filter(o -> o.status() != Status.NOT_ELIGIBLE)
                        .map(o -> o.pathway().name()).toList();
                Session kept = s.withState("answered").withAsked(null).withFocus(List.of(), ask.id());
                return new Answer(kept, new Reply(head + notices + replies.menu(a, intro) + source, names), r);
            }
            case "whatif" -> body = replies.whatif(a, ordered(focus.pathways()), who);
            case "eligible" -> {
                body = replies.eligible(a, fits, who);
                // the pathway the words pointed at, when another one is the one that fits
                List<PathwayOutcome> pointed = ordered(focus.pathways()).stream().filter(o -> o.status() == Status.UNDETERMINED).toList();
                if (focus.narrow() && !pointed.isEmpty() && !anyOf(focus.pathways(), Status.ELIGIBLE)) {
                    body += "\n" + replies.standing(a.place(), a, pointed);
                }
                // a first answer that also asks who comes along or where the household goes says that too
                if (ask == Ask.FAMILY) body += "\n" + replies.family(a, fits.subList(0, 1));
                if (ask == Ask.REGISTRATION) body += "\n" + replies.registration(a, fits.subList(0, 1));
            }
            case "refused" -> body = focus.narrow() ? replies.refused(a, focus.pathways(), who)
                    : prompts.say("none_fits", "who", who, "place", a.place().name()) + "\n" + replies.refused(a, a.with(Status.NOT_ELIGIBLE), who);
            case "alternatives" -> {
                Set<String> except = focus.narrow() ? new HashSet<>(focus.ids()) : Set.of();
                List<PathwayOutcome> open = Replies.nearestOpen(a, except);
                String text = replies.alternatives(a, except, who);
                if (!open.isEmpty()) return question(s, a, open.subList(0, Math.min(3, open.size())), head + text + "\n", source, focus, ask, r, joined);
                return new Answer(done, new Reply(head + text + source, after), r);
            }
            case "conditional" -> {
                List<PathwayOutcome> inFocus = ordered(focus.pathways()).stream().filter(o -> o.status() == Status.UNDETERMINED).toList();
                // a focus kept from before may hold no open pathway now: then the place's open ones
                List<PathwayOutcome> open = !inFocus.isEmpty() ? inFocus
                        : ordered(Replies.inScope(a)).stream().filter(o -> o.status() == Status.UNDETERMINED).toList();
                if (open.isEmpty()) return new Answer(done, new Reply(head + notices + replies.refused(a, focus.pathways(), who) + source, after), r);
                // the question that decides the pathway nearest to a decision ("执照税务都有": 投资经商类, not a far one)
                String fact = planner.next(open.subList(0, 1), s.declined()).or(() -> planner.next(open, s.declined())).orElse(null);
                String text = notices + replies.conditional(a, open, fact, who);
                return question(s, a, Optional.ofNullable(fact), head + text + "\n", source, focus, ask, r, joined);
            }
            case "interview" -> {
                // going on with an overall assessment: what the answer closed, in a line, then the next question
                // (the pathways this answer closed, those the message bore on first)
                List<String> changed = sit.overall() ? engine.changed(a, before.facts()) : List.of();
                List<PathwayOutcome> bore = focus.pathways();
                List<PathwayOutcome> touched = a.outcomes().stream().filter(o -> changed.contains(o.pathway().id()))
                        .sorted(java.util.Comparator.comparing(o -> !bore.contains(o))).toList();
                String text = sit.overall() ? replies.closed(a, touched, who)
                        : notices + prompts.say("interview_short", "place", a.place().name(), "who", who);
                Session going = s.withFocus(List.of(), ask.id());
                // a question with nothing of the document said before it cites nothing
                return question(going, a, a.with(Status.UNDETERMINED), head + (text.isEmpty() ? "" : text + "\n"),
                        sit.overall() && !text.isEmpty() ? source : "\n" + aside, new Focus(List.of(), false), ask, r, joined);
            }
            default -> throw new IllegalStateException("no rendering for " + r.say());
        }
        // materials, registration and family of a pathway not yet decided are what they are whatever the answer to its
        // question: no question follows them; the question pending before, if any, stays pending
        if (Set.of("materials", "registration", "family").contains(r.say()) && fits.isEmpty() && before.asked() != null
                && "interview".equals(before.state())) {
            return new Answer(s.withFocus(focus.ids(), ask.id()), new Reply(head + notices + body + source, List.of("继续", "重新开始")), r);
        }
        return new Answer(done, new Reply(head + notices + body + source, after), r);
    }

    /**
     * One ask across several places ("租房落户聊城和铁岭哪个容易", "哪里落户最容易"): per place the pathway that
     * fits or is nearest and what it still needs, then a one-line conclusion. No question is asked.
     */
    Reply compare(Understanding u, List<luohu.policy.Place> places, Facts facts, luohu.policy.PolicyEngine engine) {
        Ask ask = u.ask() == Ask.NONE || u.ask() == Ask.COMPARE ? Ask.SETTLE : u.ask();
        Session none = Session.start("");
        List<String> parts = new ArrayList<>();
        List<String> fit = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (luohu.policy.Place p : places) {
            Assessment a = engine.assess(p, facts);
            Focus focus = focus(a, u, none, false);
            List<PathwayOutcome> in = ordered(focus.pathways());
            String who = replies.who(null);
            String line = switch (ask) {
                case MATERIALS -> replies.materials(a, in.subList(0, Math.min(1, in.size())));
                case FAMILY -> replies.family(a, in.subList(0, Math.min(1, in.size())));
                case REGISTRATION -> replies.registration(a, in.subList(0, Math.min(1, in.size())));
                case CROSS_PROVINCE -> replies.crossProvince(a, focus.narrow() ? in : List.of());
                case TIME, FEES, ONLINE -> replies.practical(a, ask.id(), model.topicName(ask.id()));
                default -> replies.standing(a, in, focus.narrow(), who, u.pathwayTopics(), model::topicName);
            };
            String outcome = outcome(a, focus, Ask.SETTLE);
            if (!focus.narrow() && Replies.inScope(a).stream().anyMatch(o -> o.pathway().conditions() == null)) free.add(p.name());
            if ("eligible".equals(outcome)) fit.add(p.name());
            else if ("undetermined".equals(outcome)) open.add(p.name());
            parts.add("【" + p.name() + "】" + line + "\n" + replies.source(a));
        }
        String conclusion = !fit.isEmpty() ? prompts.say("compare_fits", "places", String.join("、", fit))
                : !free.isEmpty() ? prompts.say("compare_free", "places", String.join("、", free))
                : !open.isEmpty() ? prompts.say("compare_open", "places", String.join("、", open))
                : prompts.say("compare_none");
        if (ask == Ask.SETTLE) parts.add(conclusion);
        return new Reply(String.join("\n\n", parts), List.of());
    }

    /** The one question that decides the given open pathways; the answer as it stands when none is left to ask. */
    private Answer question(Session s, Assessment a, List<PathwayOutcome> open, String text, String source, Focus focus,
                            Ask ask, ResponseRules.Rule r, boolean joined) {
        return question(s, a, planner.next(open, s.declined()), text, source, focus, ask, r, joined);
    }

    /** The reply with the question about {@code next}, or the answer as it stands when nothing is left to ask. */
    private Answer question(Session s, Assessment a, Optional<String> next, String text, String source, Focus focus,
                            Ask ask, ResponseRules.Rule r, boolean joined) {
        if (next.isEmpty() && Planner.needsSpecificPlace(a)) {
            return new Answer(s.withState("need_place").withAsked(null).withFocus(focus.ids(), ask.id()),
                    Reply.of(text + prompts.say("ask_specific_place", "document", a.place().name())), r);
        }
        if (next.isEmpty()) {
            return new Answer(s.withState("answered").withAsked(null).withFocus(focus.ids(), ask.id()),
                    new Reply(text.strip() + source, List.of("重新开始")), r);
        }
        Questions.Question q = questions.get(next.get());
        String said = (text + source.strip()).strip();
        String line = prompts.say("next_question", "question", about(q, s, joined));
        return new Answer(s.withState("interview").withAsked(next.get()).withFocus(focus.ids(), ask.id()),
                ButtonPayload.forQuestion(q).reply((said.isEmpty() ? "" : said + "\n") + line), r);
    }

    /**
     * "我老丈人能跟着不" where the document lists 配偶、子女、父母: a line saying the document does not name that relative
     * (after the family lines); "我媳妇能跟着不": a line before them saying she is among those named. A relative counts as
     * named when one of its relation's terms (lexicon.yaml relation_terms) is in the family lines.
     */
    private String relativesAsked(Understanding u, String familyLines, boolean named) {
        StringBuilder sb = new StringBuilder();
        for (String relation : relatives.apply(u.normalised())) {
            List<String> terms = relationTerms.apply(relation);
            if (terms.isEmpty()) continue;
            String term = terms.stream().filter(familyLines::contains).findFirst().orElse(null);
            if ((term != null) != named) continue;
            String word = relationWords.apply(relation).stream().filter(u.normalised()::contains).findFirst().orElse(relation);
            if (named) sb.append(prompts.say("family_named", "relative", word, "term", term)).append("\n");
            else sb.append("\n").append(prompts.say("family_unnamed", "relative", word));
        }
        return sb.toString();
    }

    /** A question put about the applicant: "您的最高学历是？" becomes "您孙子的最高学历是？" when asking for a relative. */
    String about(Questions.Question q, Session s, boolean joined) {
        if (s.applicant() == null) return q.ask();
        String who = replies.who(s.applicant());
        return q.ofSpeaker() != null && joined ? q.ofSpeaker().replace("{applicant}", who) : q.ask().replace("您", who);
    }

    /**
     * Whether the message has the applicant join the person typing ("俺娘想投靠俺"): the relative joined is the one the
     * person typing is to the applicant, and the message names no other relative who could be joined ("我爸妈想投靠我哥").
     */
    private boolean joinsSpeaker(Session s, Understanding u) {
        Object joined = u.facts().get("local_relative").orElse(null);
        String relation = relationOf.apply(s.applicant());
        return joined != null && joined.equals(luohu.nlu.Relations.inverse(relation))
                && mentioned.apply(u.normalised()).stream().allMatch(relation::equals);
    }

    /**
     * What the message asks. A message that only answers the question pending keeps the ask it answers; one that
     * asks nothing asks whether the applicant can settle.
     */
    private static Ask askOf(Session before, Understanding u) {
        Ask ask = u.ask();
        if (ask != Ask.NONE && ask != Ask.SETTLE) return ask;
        if (u.more()) return Ask.SETTLE;
        if (ask == Ask.NONE && before.ask() != null && "interview".equals(before.state())) {
            Ask pending = Ask.parse(before.ask());
            if (pending != Ask.ALTERNATIVES) return pending;
        }
        return Ask.SETTLE;
    }

    /**
     * The pathways in focus: those the words point at; else those the facts of this message bear on; else those
     * of the conversation so far; else those the known facts already partly meet. "继续" after an answer: those
     * still open.
     */
    /** The actions whose replies carry a document's notices. */
    private static final Set<String> NOTICING = Set.of("assess", "correct", "result");

    /** Practical follow-ups: their facts are context ("我俩户口在河北"), not a new case to re-focus on. */
    private static final Set<Ask> FOLLOW_UPS = java.util.EnumSet.of(Ask.CROSS_PROVINCE, Ask.TIME, Ask.FEES, Ask.ONLINE, Ask.OFFICE);

    /** How many of the topics the message names are the pathway's. */
    private static int topicsNamed(PathwayOutcome o, List<String> named) {
        int n = 0;
        for (String t : o.pathway().topics()) if (named.contains(t)) n++;
        return n;
    }

    /** The earliest place among the topics named of one of the pathway's topics (the one named last comes first). */
    private static int topicRank(PathwayOutcome o, List<String> named) {
        int rank = Integer.MAX_VALUE;
        for (String t : o.pathway().topics()) {
            int i = named.indexOf(t);
            if (i >= 0) rank = Math.min(rank, i);
        }
        return rank;
    }

    private Focus focus(Assessment a, Understanding u, Session before, boolean samePlace) {
        List<PathwayOutcome> scope = Replies.inScope(a);
        if (u.more()) {
            Set<String> shown = new HashSet<>(a.with(Status.ELIGIBLE).stream().map(o -> o.pathway().id()).toList());
            List<PathwayOutcome> open = Replies.nearestOpen(a, shown);
            if (!open.isEmpty()) return new Focus(open, true);
        }
        if (!u.pathwayTopics().isEmpty()) {
            // the pathways that match most of the words named: "买了房…单独落户" is the owner's relatives', not any purchase
            // loops, not streams: this runs on most turns that name a way to settle
            List<String> topics = u.pathwayTopics();
            int best = 0;
            for (PathwayOutcome o : scope) best = Math.max(best, topicsNamed(o, topics));
            // equally named: the pathways of the topic named last
            int first = Integer.MAX_VALUE;
            if (best > 0) for (PathwayOutcome o : scope) if (topicsNamed(o, topics) == best) first = Math.min(first, topicRank(o, topics));
            List<PathwayOutcome> named = new ArrayList<>();
            if (best > 0) {
                for (PathwayOutcome o : scope) if (topicsNamed(o, topics) == best && topicRank(o, topics) == first) named.add(o);
            }
            if (!named.isEmpty() && named.size() < scope.size()) return new Focus(named, true);
        }
        // a practical follow-up about the pathways just answered (跨省通办, time, fees…) stays with them, whatever facts
        // it adds on the way ("我俩户口在河北张家口，不回二连能在这边办吗")
        if (samePlace && "answered".equals(before.state()) && FOLLOW_UPS.contains(u.ask())) {
            List<PathwayOutcome> earlier = scope.stream()
                    .filter(o -> before.focus().contains(o.pathway().id()) && o.status() != Status.NOT_ELIGIBLE).toList();
            if (!earlier.isEmpty()) return new Focus(earlier, true);
        }
        Set<String> stated = stated(u);
        // the first turn with a place, or with another place: what was said before counts as said now
        if ("need_place".equals(before.state()) || !samePlace) stated.addAll(withoutDefaults(before.facts().asMap().keySet()));
        if (!stated.isEmpty()) {
            List<PathwayOutcome> bearing = scope.stream().filter(o -> bears(o, stated)).toList();
            // facts no pathway looks at, of a part of one's situation some do ("在物流公司上班": what kind of employer)
            if (bearing.isEmpty()) {
                Set<String> akin = new HashSet<>();
                for (List<String> part : subjects.values()) if (part.stream().anyMatch(stated::contains)) akin.addAll(part);
                bearing = scope.stream().filter(o -> bears(o, akin)).toList();
            }
            if (!bearing.isEmpty() && bearing.size() < scope.size()) {
                // the pathways already in view that the message bears on stay the ones in view
                List<PathwayOutcome> kept = samePlace ? bearing.stream().filter(o -> before.focus().contains(o.pathway().id())).toList() : List.of();
                List<PathwayOutcome> in = kept.isEmpty() ? bearing : kept;
                // "没房 没亲戚": facts that only close pathways leave the ones still open in view, not a refusal of
                // what the person already said they lack
                boolean allClosed = onlyOf(in, Status.NOT_ELIGIBLE);
                List<PathwayOutcome> open = Replies.nearestOpen(a, Set.of());
                if (allClosed && kept.isEmpty() && u.pathwayTopics().isEmpty() && !open.isEmpty() && a.with(Status.ELIGIBLE).isEmpty()) {
                    return new Focus(open.subList(0, Math.min(3, open.size())), true);
                }
                return new Focus(in, true);
            }
        }
        if (samePlace && !before.focus().isEmpty()) {
            List<PathwayOutcome> earlier = scope.stream().filter(o -> before.focus().contains(o.pathway().id())).toList();
            if (!earlier.isEmpty()) return new Focus(earlier, true);
        }
        // another place, the same kind of pathway ("二连浩特买房落户要啥" → "那赤峰呢": 赤峰's purchase pathway)
        if (!samePlace && !before.focus().isEmpty()) {
            Set<String> kinds = new HashSet<>();
            for (luohu.policy.PolicyDocument d : model.documents()) {
                d.pathways().stream().filter(p -> before.focus().contains(p.id())).forEach(p -> kinds.addAll(p.topics()));
            }
            List<PathwayOutcome> alike = scope.stream().filter(o -> o.pathway().topics().stream().anyMatch(kinds::contains)).toList();
            if (!alike.isEmpty() && alike.size() < scope.size()) return new Focus(alike, true);
        }
        return new Focus(scope, false);
    }

    /** The facts a message states of the applicant's case: not who would come along, not the default of hukou elsewhere. */
    private static Set<String> stated(Understanding u) {
        // a value ruled out ("没买房") points at no pathway
        Set<String> out = new HashSet<>();
        u.facts().asMap().forEach((k, v) -> {
            if (!(v instanceof luohu.policy.Excluded)) out.add(k);
        });
        out.remove("local_hukou");
        if (u.ask() == Ask.FAMILY) out.remove("local_relative");
        return out;
    }

    private static Set<String> withoutDefaults(Set<String> facts) {
        Set<String> out = new HashSet<>(facts);
        out.remove("local_hukou");
        return out;
    }

    /** Materials, registration and family are asked of pathways that can still be taken: a refused one is no answer. */
    private static Focus withoutRefused(Focus f) {
        List<PathwayOutcome> left = f.pathways().stream().filter(o -> o.status() != Status.NOT_ELIGIBLE).toList();
        return left.isEmpty() ? new Focus(f.pathways(), false) : new Focus(left, f.narrow());
    }

    /** Whether the pathway looks at any of the facts: met, failed or still waited for. */
    private static boolean bears(PathwayOutcome o, Set<String> facts) {
        if (o.pathway().conditions() == null) return false;
        for (Condition.Leaf l : Condition.leavesOf(o.pathway().conditions())) if (facts.contains(l.fact())) return true;
        return false;
    }

    /**
     * The outcome of the pathways in focus; asked whether one can settle at all, any pathway that fits counts (but
     * not for "继续", which asks about the pathways still open).
     */
    private static String outcome(Assessment a, Focus focus, Ask ask) {
        List<PathwayOutcome> in = focus.pathways();
        if (anyOf(in, Status.ELIGIBLE)) return "eligible";
        boolean open = anyOf(in, Status.UNDETERMINED);
        // asked whether one can settle: a pathway that fits answers yes, whichever pathway the words pointed at
        if (ask == Ask.SETTLE && !a.with(Status.ELIGIBLE).isEmpty()) return "eligible";
        if (open) return "undetermined";
        return "not_eligible";
    }

    /**
     * The pathways that fit and were the answer just given, unchanged by this message, when the words point at others:
     * empty unless the message itself asks whether one can settle, right after that answer, of the same person and place.
     */
    private List<PathwayOutcome> standing(Assessment a, Focus focus, Session before, boolean sameCase, Ask ask) {
        if (ask != Ask.SETTLE || !sameCase || !"answered".equals(before.state()) || !focus.narrow()
                || anyOf(focus.pathways(), Status.ELIGIBLE)) return List.of();
        List<PathwayOutcome> fits = a.with(Status.ELIGIBLE);
        if (fits.isEmpty() || fits.stream().anyMatch(o -> !before.focus().contains(o.pathway().id()))) return List.of();
        List<String> changed = engine.changed(a, before.facts());
        return fits.stream().anyMatch(o -> changed.contains(o.pathway().id())) ? List.of() : fits;
    }

    /** Eligible first, then open nearest to a decision, then the rest. */
    private static List<PathwayOutcome> ordered(List<PathwayOutcome> in) {
        List<PathwayOutcome> out = new ArrayList<>(in.size());
        for (PathwayOutcome o : in) if (o.status() == Status.ELIGIBLE) out.add(o);
        int open = out.size();
        for (PathwayOutcome o : in) if (o.status() == Status.UNDETERMINED) out.add(o);
        out.subList(open, out.size()).sort(NEAREST);
        for (PathwayOutcome o : in) if (!out.contains(o)) out.add(o);
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** Open pathways nearest to a decision first: most conditions met, then fewest facts missing. */
    private static final java.util.Comparator<PathwayOutcome> NEAREST =
            java.util.Comparator.<PathwayOutcome>comparingInt(o -> -o.met().size()).thenComparingInt(o -> o.missing().size());

    private static boolean anyOf(List<PathwayOutcome> in, Status status) {
        for (PathwayOutcome o : in) if (o.status() == status) return true;
        return false;
    }

    private static boolean onlyOf(List<PathwayOutcome> in, Status status) {
        for (PathwayOutcome o : in) if (o.status() != status) return false;
        return true;
    }

    /** Whether any of the pathways is of a kind among {@code topics}. */
    private static boolean anyOnTopics(List<PathwayOutcome> in, List<String> topics) {
        for (PathwayOutcome o : in) if (luohu.common.Lists.anyIn(o.pathway().topics(), topics)) return true;
        return false;
    }
}
