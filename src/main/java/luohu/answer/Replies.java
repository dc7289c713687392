package luohu.answer;

import luohu.answer.Prompts;
import luohu.policy.Assessment;
import luohu.policy.Cited;
import luohu.policy.Condition;
import luohu.policy.Failure;
import luohu.policy.PathwayOutcome;
import luohu.policy.PolicyDocument;
import luohu.policy.Rule;
import luohu.policy.Status;
import luohu.policy.Truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of answer the response rules choose (dialogs/responses.yaml), rendered short: what was asked, for the
 * pathways in focus, each statement with its clause, the document named once at the end. Texts of our own come
 * from dialogs/prompts.yaml; policy text is quoted.
 */
public final class Replies {
    /** Materials of at most this many pathways in one reply: more helps nobody on a phone. */
    private static final int MAX_PATHWAYS = 2;
    /** Notes this short are waivers or limits worth saying with the answer; longer ones are context. */
    private static final int SHORT_NOTE = 24;
    /** A condition already met is quoted when this short; a longer one by its shorter parts, or not at all. */
    private static final int MET_QUOTE = 40;

    private final OutcomeText text;
    private final Prompts prompts;
    private final CaseAnswers cases;
    private final luohu.policy.PolicyEngine engine;

    private java.util.Collection<String> noteCues = List.of();

    /** Words that make a short note a waiver or a duty worth saying with an answer ("不受", "必须"). */
    public Replies withNoteCues(java.util.Collection<String> cues) {
        this.noteCues = List.copyOf(cues);
        return this;
    }

    public Replies(luohu.policy.PolicyEngine engine, CaseAnswers cases, Prompts prompts) {
        this.engine = engine;
        this.text = cases.text();
        this.prompts = prompts;
        this.cases = cases;
    }

    /** How a reply names the applicant: 您, or 您孩子 when the person asks for their child. */
    public String who(String applicant) {
        // the one staff serve is named as such: "申请人", not "您申请人"
        return applicant == null ? "您" : applicant.equals(prompts.say("served")) ? applicant : prompts.say("who", "relative", applicant);
    }

    /** The notices every answer about the place carries: a draft document, a controlled city. */
    public String notices(Assessment a) {
        List<String> parts = new ArrayList<>();
        cases.draftNotice(a.document()).ifPresent(parts::add);
        List<String> place = cases.placeNotices(a);
        if (!place.isEmpty()) parts.add(prompts.say("place_notices", "place", a.place().name()) + "\n" + String.join("\n", place));
        return parts.isEmpty() ? "" : String.join("\n", parts) + "\n\n";
    }

    /** It fits: the first pathway with its materials, the others by name. */
    public String eligible(Assessment a, List<PathwayOutcome> fits, String who) {
        PolicyDocument doc = a.document();
        PathwayOutcome first = fits.get(0);
        StringBuilder sb = new StringBuilder(prompts.say("fits", "who", who, "place", a.place().name(), "pathway", first.pathway().name(),
                "cite", text.cite(doc, first.pathway().clauses())));
        sb.append(notes(first, doc, true));
        sb.append("\n").append(materialLines(first, doc));
        if (fits.size() > 1) {
            sb.append("\n").append(prompts.say("also_fits", "names", cited(fits.subList(1, Math.min(3, fits.size())), doc)));
        }
        return sb.toString();
    }

    /** It does not fit: the one deciding reason of the nearest pathway in focus, then what else is open. */
    public String refused(Assessment a, List<PathwayOutcome> focus, String who) {
        PolicyDocument doc = a.document();
        PathwayOutcome nearest = focus.stream().filter(o -> o.status() == Status.NOT_ELIGIBLE && !o.failures().isEmpty())
                .min(Comparator.comparingDouble(Replies::distance)).orElse(null);
        StringBuilder sb = new StringBuilder();
        if (nearest == null) {
            sb.append(prompts.say("none_fits", "who", who, "place", a.place().name()));
        } else {
            Failure f = nearest.failures().stream().min(Comparator.comparingDouble(x -> x.gap() == null ? Double.MAX_VALUE : x.gap())).get();
            sb.append(prompts.say("does_not_fit", "who", who, "place", a.place().name(), "pathway", nearest.pathway().name(),
                    "reason", text.failure(doc, f).replace("您的情况是", who + "的情况是")));
        }
        List<PathwayOutcome> fits = a.with(Status.ELIGIBLE);
        if (!fits.isEmpty()) {
            sb.append("\n").append(prompts.say("but_fits", "who", who, "names", cited(fits, doc)));
            return sb.toString();
        }
        List<PathwayOutcome> open = nearestOpen(a, Set.of());
        if (open.isEmpty()) sb.append("\n").append(prompts.say("no_pathways_left"));
        else sb.append("\n").append(prompts.say("still_open_short", "names", cited(open.subList(0, Math.min(3, open.size())), doc)));
        return sb.toString();
    }

    /** What an answer in an overall assessment ruled out, a line each (at most two); empty when it ruled out nothing. */
    public String closed(Assessment a, List<PathwayOutcome> touched, String who) {
        PolicyDocument doc = a.document();
        List<String> lines = new ArrayList<>();
        for (PathwayOutcome o : touched) {
            if (o.status() != Status.NOT_ELIGIBLE || o.failures().isEmpty() || lines.size() == 2) continue;
            lines.add("· " + o.pathway().name() + "：" + text.failure(doc, o.failures().get(0)).replace("您的情况是", who + "的情况是"));
        }
        return lines.isEmpty() ? "" : prompts.say("newly_closed") + "\n" + String.join("\n", lines);
    }

    /**
     * It would fit if: the pathways in focus that wait on the fact about to be asked, with what they ask of it in
     * the document's words; a single pathway shows what else it still asks.
     *
     * @param fact the fact the next question asks, or null when none is left to ask
     */
    public String conditional(Assessment a, List<PathwayOutcome> open, String fact, String who) {
        PolicyDocument doc = a.document();
        List<PathwayOutcome> waiting = fact == null ? List.of() : open.stream().filter(o -> o.missing().contains(fact)).toList();
        Condition.Leaf leaf = waiting.isEmpty() ? null : Condition.leavesOf(waiting.get(0).pathway().conditions()).stream()
                .filter(l -> l.fact().equals(fact) && l.says() != null).findFirst().orElse(null);
        // several pathways wait for the same fact: one line says what they all require only when they require it in the
        // same words ("投靠落户" wants the one joined in town, "农村投靠落户" in a village: each is said on its own)
        boolean alike = leaf == null || waiting.stream().allMatch(w -> Condition.leavesOf(w.pathway().conditions()).stream()
                .anyMatch(l -> l.fact().equals(fact) && leaf.says().equals(l.says())));
        if (waiting.size() > 1 && alike) {
            String names = quoted(waiting.subList(0, Math.min(4, waiting.size())));
            // a condition the document words is quoted as a requirement; one it does not is what is still to be known
            return leaf == null
                    ? prompts.say("would_fit_many_unsaid", "who", who, "place", a.place().name(), "names", names, "need", unsaid(waiting.get(0)))
                    : prompts.say("would_fit_many", "who", who, "place", a.place().name(), "names", names,
                            "condition", "“" + leaf.says() + "”" + text.cite(doc, leaf.clause()));
        }
        PathwayOutcome o = waiting.isEmpty() ? open.get(0) : waiting.get(0);
        List<String> shown = stillAsked(o, doc, true);
        StringBuilder sb = new StringBuilder(shown.isEmpty()
                ? prompts.say("would_fit_unsaid", "who", who, "place", a.place().name(), "pathway", o.pathway().name(),
                        "cite", text.cite(doc, o.pathway().clauses()), "need", unsaid(o))
                : prompts.say("would_fit", "who", who, "place", a.place().name(), "pathway", o.pathway().name(),
                        "cite", text.cite(doc, o.pathway().clauses()), "conditions", String.join("，", shown)));
        List<String> met = metParts(o, a.facts(), doc);
        if (!met.isEmpty()) sb.append("\n").append(prompts.say("already_met", "who", who, "conditions", String.join("，", met)));
        List<PathwayOutcome> others = open.stream().filter(x -> x != o).toList();
        sb.append(notes(o, doc, false));
        if (!others.isEmpty()) sb.append("\n").append(prompts.say("also_open", "names", cited(others.subList(0, Math.min(2, others.size())), doc)));
        return sb.toString();
    }

    /**
     * Where the applicant stands in one place, in a line or two, for comparisons: the pathway that fits, or the one
     * nearest with what it still asks, or why the nearest does not fit; with nothing in view, the pathways that set
     * no condition at all, or how many there are.
     */
    public String standing(Assessment a, List<PathwayOutcome> in, boolean narrow, String who, List<String> named,
                           java.util.function.Function<String, String> topicName) {
        PolicyDocument doc = a.document();
        List<PathwayOutcome> fits = a.with(Status.ELIGIBLE);
        if (!fits.isEmpty()) {
            PathwayOutcome o = narrow && in.get(0).status() == Status.ELIGIBLE ? in.get(0) : fits.get(0);
            return prompts.say("standing_fits", "who", who, "pathway", o.pathway().name(), "cite", text.cite(doc, o.pathway().clauses()));
        }
        List<PathwayOutcome> free = inScope(a).stream().filter(o -> o.pathway().conditions() == null).toList();
        if (!narrow && !free.isEmpty()) {
            return prompts.say("standing_free", "pathway", free.get(0).pathway().name(), "cite", text.cite(doc, free.get(0).pathway().clauses()));
        }
        if (!narrow && !named.isEmpty()) return prompts.say("standing_no_topic", "topic", topicName.apply(named.get(0)), "count", inScope(a).size());
        if (!narrow) return prompts.say("standing_wide", "count", inScope(a).size());
        PathwayOutcome o = in.get(0);
        if (o.status() == Status.UNDETERMINED) return standing(a.place(), a, List.of(o));
        return refused(a, in, who).split("\n")[0];
    }

    /**
     * A what-if about a pathway ("如果我买房呢"): what that pathway asks, in the document's words, and its materials,
     * whatever the applicant's facts are now.
     */
    public String whatif(Assessment a, List<PathwayOutcome> focus, String who) {
        PolicyDocument doc = a.document();
        PathwayOutcome o = focus.get(0);
        List<String> asks = Condition.leavesOf(o.pathway().conditions()).stream()
                .filter(l -> l.says() != null && !o.pathway().name().contains(l.says()))
                .map(l -> "“" + l.says() + "”" + text.cite(doc, l.clause())).distinct().limit(3).toList();
        String cite = text.cite(doc, o.pathway().clauses());
        if (o.status() == Status.ELIGIBLE) {
            return prompts.say("whatif_fits", "who", who, "pathway", o.pathway().name(), "cite", cite) + notes(o, doc, true)
                    + "\n" + materialLines(o, doc);
        }
        if (o.status() == Status.NOT_ELIGIBLE && !o.failures().isEmpty()) {
            Failure f = o.failures().stream().min(Comparator.comparingDouble(x -> x.gap() == null ? Double.MAX_VALUE : x.gap())).get();
            return prompts.say("whatif_refused", "pathway", o.pathway().name(), "reason", text.failure(doc, f).replace("您的情况是", who + "的情况是"));
        }
        StringBuilder sb = new StringBuilder(asks.isEmpty()
                ? prompts.say(o.pathway().conditions() == null ? "whatif_free" : "whatif_plain", "pathway", o.pathway().name(), "cite", cite)
                : prompts.say("whatif_pathway", "pathway", o.pathway().name(), "cite", cite, "conditions", String.join("，", asks)));
        sb.append(notes(o, doc, false));
        sb.append("\n").append(materialLines(o, doc));
        return sb.toString();
    }

    /**
     * What an open pathway still asks, in the document's words (at most two), with their clauses when asked for; a
     * condition worded as the pathway's own name says nothing more than the name and is left out.
     */
    private List<String> stillAsked(PathwayOutcome o, PolicyDocument doc, boolean cited) {
        return Condition.leavesOf(o.pathway().conditions()).stream()
                .filter(l -> o.missing().contains(l.fact()) && l.says() != null && !o.pathway().name().contains(l.says()))
                .map(l -> "“" + l.says() + "”" + (cited ? text.cite(doc, l.clause()) : "")).distinct().limit(2).toList();
    }

    /**
     * What an open pathway still waits for when its conditions carry no words of the document to quote: the specific
     * place within the document's area, or the facts by name.
     */
    private String unsaid(PathwayOutcome o) {
        if (o.placeUnknown() || o.missing().isEmpty()) return prompts.say("conditions_met_if_place");
        return prompts.say("still_needs", "facts", String.join("、", text.missing(o.missing())));
    }

    /** A pathway asked about that is still open, in a line: what it still asks, in the document's words. */
    public String standing(luohu.policy.Place place, Assessment a, List<PathwayOutcome> open) {
        PathwayOutcome o = open.get(0);
        List<String> needs = stillAsked(o, a.document(), false);
        String cite = text.cite(a.document(), o.pathway().clauses());
        return needs.isEmpty() ? prompts.say("standing_open_unsaid", "pathway", o.pathway().name(), "cite", cite, "need", unsaid(o))
                : prompts.say("standing_open", "pathway", o.pathway().name(), "cite", cite, "conditions", String.join("，", needs));
    }

    /** The materials of the pathways in focus, verbatim; a pathway not yet decided says it is the one they would need. */
    public String materials(Assessment a, List<PathwayOutcome> focus) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        List<PathwayOutcome> shown = focus.subList(0, Math.min(MAX_PATHWAYS, focus.size()));
        for (PathwayOutcome o : shown) {
            String head = prompts.say(o.status() == Status.ELIGIBLE ? "materials_of" : "materials_of_if",
                    "pathway", o.pathway().name(), "cite", text.cite(doc, o.pathway().clauses()));
            parts.add(head + "\n" + materialLines(o, doc));
        }
        if (focus.size() > shown.size()) parts.add(prompts.say("also_open", "names", cited(focus.subList(shown.size(), focus.size()), doc)));
        return String.join("\n", parts);
    }

    /** Where the household is registered on each pathway in focus. */
    public String registration(Assessment a, List<PathwayOutcome> focus) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        for (PathwayOutcome o : focus.subList(0, Math.min(MAX_PATHWAYS, focus.size()))) {
            List<String> lines = text.registration(o, doc);
            parts.add("■ " + o.pathway().name() + "：" + (lines.isEmpty() ? prompts.say("registration_silent")
                    : String.join("\n", lines).replace("户口登记：", "")));
        }
        return String.join("\n", parts);
    }

    /** Who may move along on each pathway in focus. */
    public String family(Assessment a, List<PathwayOutcome> focus) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        for (PathwayOutcome o : focus.subList(0, Math.min(MAX_PATHWAYS, focus.size()))) {
            String fam = text.family(o, doc);
            parts.add("■ " + o.pathway().name() + "：" + (fam != null ? fam : prompts.say("family_silent")));
        }
        return String.join("\n", parts);
    }

    /** Which pathways the document marks 可申请跨省通办: those in focus, or all of the place's. */
    public String crossProvince(Assessment a, List<PathwayOutcome> focus) {
        PolicyDocument doc = a.document();
        List<PathwayOutcome> marked = inScope(a).stream().filter(o -> o.pathway().crossProvince() != null).toList();
        if (!focus.isEmpty() && focus.size() < inScope(a).size()) {
            List<String> lines = new ArrayList<>();
            for (PathwayOutcome o : focus.subList(0, Math.min(MAX_PATHWAYS, focus.size()))) {
                lines.add(o.pathway().crossProvince() != null
                        ? prompts.say("cross_yes", "pathway", o.pathway().name(), "cite", text.cite(doc, o.pathway().crossProvince()))
                        : prompts.say("cross_not_marked", "pathway", o.pathway().name(), "document", doc.info().citeName()));
            }
            return String.join("\n", lines);
        }
        if (marked.isEmpty()) return prompts.say("cross_none", "document", doc.info().citeName());
        StringBuilder sb = new StringBuilder(prompts.say("cross_list", "document", doc.info().citeName()));
        for (PathwayOutcome o : marked) sb.append("\n· ").append(o.pathway().name()).append(text.cite(doc, o.pathway().crossProvince()));
        return sb.toString();
    }

    /** Whether the document has rules of this topic for the place. */
    public boolean says(Assessment a, String topic) {
        return a.document().rules().stream().anyMatch(r -> r.topics().contains(topic) && r.scope().covers(a.place()) != Truth.FALSE);
    }

    /** That the document says nothing of these topics, in one line. */
    public String silentOn(Assessment a, List<String> topicNames) {
        return prompts.say("practical_silent", "document", a.document().info().citeName(), "topic", String.join("和", topicNames));
    }

    /** Time, fees, applying online: the rules of that topic, or that the document says nothing of it. */
    public String practical(Assessment a, String topic, String topicName) {
        PolicyDocument doc = a.document();
        if (!says(a, topic)) return prompts.say("practical_silent", "document", doc.info().citeName(), "topic", topicName);
        return prompts.say("general_intro", "topic", topicName, "document", doc.info().citeName()) + ruleLines(a, topic);
    }

    /** The document's rules of a topic for the place, at most three, each quoted with its clause on a line of its own. */
    public String ruleLines(Assessment a, String topic) {
        return ruleLines(a, topic, null);
    }

    /** As {@link #ruleLines(Assessment, String)}, a long rule quoted by its part nearest the message (when given). */
    public String ruleLines(Assessment a, String topic, String message) {
        PolicyDocument doc = a.document();
        StringBuilder sb = new StringBuilder();
        doc.rules().stream().filter(r -> r.topics().contains(topic) && r.scope().covers(a.place()) != Truth.FALSE).limit(3)
                .forEach(r -> sb.append("\n· “").append(message == null ? r.text() : GeneralAnswers.excerpt(r.text(), message))
                        .append("”").append(text.cite(doc, r.clauses())));
        return sb.toString();
    }

    /** After a refusal: the pathways still open, nearest to a decision first, each with what it asks. */
    public String alternatives(Assessment a, Set<String> except, String who) {
        PolicyDocument doc = a.document();
        List<PathwayOutcome> fits = a.with(Status.ELIGIBLE);
        if (!fits.isEmpty()) return prompts.say("but_fits", "who", who, "names", cited(fits, doc));
        List<PathwayOutcome> open = nearestOpen(a, except);
        if (open.isEmpty()) return prompts.say("no_alternatives", "who", who) + "\n" + prompts.say("no_pathways_left");
        StringBuilder sb = new StringBuilder(prompts.say("alternatives_intro", "who", who));
        for (PathwayOutcome o : open.subList(0, Math.min(3, open.size()))) {
            sb.append("\n· ").append(o.pathway().name()).append(text.cite(doc, o.pathway().clauses()));
            List<String> needs = stillAsked(o, doc, false);
            if (!needs.isEmpty()) sb.append("：要求").append(String.join("，", needs));
        }
        return sb.toString();
    }

    /**
     * Where the household is registered when no pathway is in view: the registration rules the open pathways share,
     * said once; null when they differ (then the pathways are the place to start).
     */
    public String sharedRegistration(Assessment a) {
        PolicyDocument doc = a.document();
        java.util.Map<String, PathwayOutcome> byText = new java.util.LinkedHashMap<>();
        for (PathwayOutcome o : inScope(a)) {
            if (o.status() == Status.NOT_ELIGIBLE) continue;
            for (luohu.policy.Registration r : o.registration()) byText.putIfAbsent(r.text(), o);
        }
        if (byText.isEmpty() || byText.size() > 2) return null;
        List<String> lines = new ArrayList<>();
        for (PathwayOutcome o : new LinkedHashSet<>(byText.values())) lines.addAll(text.registration(o, doc));
        return lines.stream().distinct().collect(Collectors.joining("\n"));
    }

    /**
     * Who may move along, when no pathway is in view: each wording the document uses once, with the pathways that use
     * it ("■ 购房类、投资经商类：…"); null when the pathways word it more than three ways (then the person picks one).
     */
    public String sharedFamily(Assessment a) {
        PolicyDocument doc = a.document();
        java.util.Map<String, List<String>> byText = new java.util.LinkedHashMap<>();
        for (PathwayOutcome o : inScope(a)) {
            if (o.status() == Status.NOT_ELIGIBLE) continue;
            String fam = text.family(o, doc);
            if (fam != null) byText.computeIfAbsent(fam, k -> new ArrayList<>()).add(o.pathway().name());
        }
        if (byText.isEmpty() || byText.size() > 3) return null;
        List<String> lines = new ArrayList<>();
        byText.forEach((fam, names) -> lines.add("■ " + String.join("、", names) + "：" + fam));
        return String.join("\n", lines);
    }

    /** Every pathway of the place, one line each, to pick from. */
    public String menu(Assessment a, String intro) {
        PolicyDocument doc = a.document();
        StringBuilder sb = new StringBuilder(intro);
        for (PathwayOutcome o : inScope(a)) {
            if (o.status() == Status.NOT_ELIGIBLE) continue;
            sb.append("\n· ").append(o.pathway().name()).append(text.cite(doc, o.pathway().clauses()));
        }
        return sb.toString();
    }

    /** The open pathways nearest to a decision first: most conditions already met, then fewest facts still missing. */
    public static List<PathwayOutcome> nearestOpen(Assessment a, Set<String> except) {
        return a.with(Status.UNDETERMINED).stream().filter(o -> !except.contains(o.pathway().id()))
                .sorted(Comparator.<PathwayOutcome>comparingInt(o -> -o.met().size())
                        .thenComparingInt(o -> o.missing().size() + (o.placeUnknown() ? 1 : 0)))
                .collect(Collectors.toList());
    }

    public static List<PathwayOutcome> inScope(Assessment a) {
        List<PathwayOutcome> out = new ArrayList<>();
        for (PathwayOutcome o : a.outcomes()) if (o.status() != Status.NOT_APPLICABLE) out.add(o);
        return out;
    }

    /** The document named once, under a reply that cites clauses only. */
    public String source(Assessment a) {
        return text.source(a.document());
    }

    /** Materials verbatim, numbered; a clause cited only where it is not the pathway's own. */
    private String materialLines(PathwayOutcome o, PolicyDocument doc) {
        if (o.pathway().materialsSilent()) return prompts.say("materials_silent");
        Set<String> own = new java.util.HashSet<>(o.pathway().clauses());
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (Cited m : o.pathway().materials()) {
            lines.add(i++ + ". " + m.text() + (own.contains(m.clause()) ? "" : text.cite(doc, m.clause())));
        }
        return prompts.say("materials_intro") + "\n" + String.join("\n", lines);
    }

    /**
     * The largest parts of a pathway's condition that the facts already meet, in the document's words ("有合法稳定住所
     * （含租赁）"): the applicant hears what counts in their favour. At most two.
     */
    private List<String> metParts(PathwayOutcome o, luohu.policy.Facts facts, PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        if (o.pathway().conditions() != null) collectMet(o.pathway().conditions(), facts, doc, out);
        return out.stream().distinct().limit(2).toList();
    }

    private void collectMet(Condition c, luohu.policy.Facts facts, PolicyDocument doc, List<String> out) {
        // a long passage is no help on a phone: its shorter parts that hold say it better
        // only a part made of several conditions is quoted: a single condition's words may say more than its fact
        boolean compound = c instanceof Condition.All || c instanceof Condition.Any;
        if (compound && engine.holds(c, facts) == Truth.TRUE && c.says() != null && c.says().length() <= MET_QUOTE) {
            out.add("“" + c.says() + "”" + text.cite(doc, c.clause()));
            return;
        }
        if (c instanceof Condition.All all) for (Condition p : all.parts()) collectMet(p, facts, doc, out);
        else if (c instanceof Condition.Any any) for (Condition p : any.parts()) collectMet(p, facts, doc, out);
    }

    /**
     * What goes with an answer about a pathway: readings of an unclear passage the applicant must hear (said as
     * readings, with where to confirm), and the short notes that are the document's own waivers or duties
     * ("不受住所的限制", "房屋所有权人必须到场一同办理").
     */
    private String notes(PathwayOutcome o, PolicyDocument doc, boolean decided) {
        StringBuilder sb = new StringBuilder();
        // a pathway not yet decided hears only the readings its outcome turns on; one that fits, those that qualify it
        // (a reading of who may come along goes with the answer about them, whose lines carry it)
        List<String> readings = text.readings(o, doc, false);
        if (!decided) readings = readings.subList(0, Math.min(o.unclear().size(), readings.size()));
        for (String r : readings) sb.append("\n").append(r);
        // one such note: more is clutter on a phone
        o.pathway().notes().stream().filter(n -> n.reading() == null && n.text().length() <= SHORT_NOTE
                        && noteCues.stream().anyMatch(n.text()::contains)).findFirst()
                .ifPresent(n -> sb.append("\n说明：“").append(n.text()).append("”").append(text.cite(doc, n.clause())));
        return sb.toString();
    }

    /** How far a refused pathway is: its nearest failure, a numeric gap ("还差4个月") nearer than any other reason. */
    private static double distance(PathwayOutcome o) {
        return o.failures().stream().mapToDouble(f -> f.gap() == null ? 100 : Math.min(99, f.gap())).min().orElse(1000);
    }

    private String cited(List<PathwayOutcome> os, PolicyDocument doc) {
        return os.stream().map(o -> "“" + o.pathway().name() + "”" + text.cite(doc, o.pathway().clauses())).collect(Collectors.joining("、"));
    }

    private static String quoted(List<PathwayOutcome> os) {
        return os.stream().map(o -> "“" + o.pathway().name() + "”").collect(Collectors.joining("、"));
    }
}
