package luohu.answer;

import luohu.policy.Assessment;
import luohu.policy.Cited;
import luohu.policy.Facts;
import luohu.policy.PathwayOutcome;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;
import luohu.policy.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds pre-check sheets from a conversation's place, facts and pathways in focus; the wording is in prompts.yaml. */
public final class PrecheckSheets {
    private final PolicyModel model;
    private final PolicyEngine engine;
    private final Prompts prompts;
    private final luohu.nlu.Questions questions;
    private final OutcomeText text;

    public PrecheckSheets(PolicyEngine engine, Prompts prompts, luohu.nlu.Questions questions) {
        this.model = engine.model();
        this.engine = engine;
        this.prompts = prompts;
        this.questions = questions;
        this.text = new OutcomeText(model);
    }

    /**
     * The sheet, or empty while there is nothing to put on it: no place yet, or no fact of the applicant stated.
     *
     * @param focus the pathway ids the conversation is about (other entries, such as topics, are ignored)
     */
    public Optional<PrecheckSheet> build(String placeName, Facts facts, List<String> focus, String pathwayId) {
        Place place = placeName == null ? null : model.place(placeName).orElse(null);
        if (place == null || facts == null || facts.asMap().keySet().stream().allMatch("local_hukou"::equals)) return Optional.empty();
        Assessment a = engine.assess(place, facts);
        PolicyDocument doc = a.document();
        PathwayOutcome chosen = pathwayId != null ? find(a, pathwayId) : choose(a, focus);
        List<PrecheckSheet.Section> sections = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add(prompts.say("precheck_place", "place", place.name(), "document", doc.info().citeName()));
        if (doc.info().draft()) head.add(prompts.say("precheck_draft", "status", doc.info().statusNote() == null ? "草稿" : doc.info().statusNote()));
        sections.add(new PrecheckSheet.Section(prompts.say("precheck_title"), head));
        sections.add(new PrecheckSheet.Section(prompts.say("precheck_facts"), factLines(facts)));
        sections.add(new PrecheckSheet.Section(prompts.say("precheck_pathways"), pathwayLines(a)));
        if (chosen != null) {
            List<String> lines = new ArrayList<>();
            if (chosen.pathway().materialsSilent()) lines.add(prompts.say("materials_silent"));
            else lines.addAll(text.materials(chosen, doc));
            if (chosen.status() != Status.ELIGIBLE) lines.add(prompts.say("precheck_if_open"));
            sections.add(new PrecheckSheet.Section(prompts.say("precheck_materials", "pathway", chosen.pathway().name(),
                    "cite", text.cite(doc, chosen.pathway().clauses())), lines));
        } else {
            sections.add(new PrecheckSheet.Section(prompts.say("precheck_no_materials"), List.of()));
        }
        return Optional.of(new PrecheckSheet(place.name(), doc.info().id(), chosen == null ? null : chosen.pathway().id(), sections));
    }

    /** The pathway whose checklist the sheet carries: one that fits (in focus first), else one still open (likewise). */
    private static PathwayOutcome choose(Assessment a, List<String> focus) {
        for (Status s : List.of(Status.ELIGIBLE, Status.UNDETERMINED)) {
            List<PathwayOutcome> with = a.with(s);
            for (PathwayOutcome o : with) if (focus != null && focus.contains(o.pathway().id())) return o;
            if (!with.isEmpty()) return with.get(0);
        }
        return null;
    }

    private static PathwayOutcome find(Assessment a, String id) {
        return a.outcomes().stream().filter(o -> o.pathway().id().equals(id)).findFirst().orElse(null);
    }

    /** The facts in plain words, as the fact vocabulary and the questions' options say them. */
    public List<String> factLines(Facts facts) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : facts.asMap().entrySet()) {
            if (e.getKey().equals("local_hukou") && Boolean.FALSE.equals(e.getValue())) continue;
            out.add("· " + model.vocabulary().get(e.getKey()).name() + "：" + valueLabel(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A value in the words of its question's option where it has one ("在农村" rather than "是"). */
    public String valueLabel(String fact, Object value) {
        boolean number = model.vocabulary().get(fact).type().numeric();
        String option = value instanceof luohu.policy.Excluded || number ? null : questions.optionLabel(fact, value);
        return option != null ? option : model.vocabulary().get(fact).label(value);
    }

    private List<String> pathwayLines(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> out = new ArrayList<>();
        for (PathwayOutcome o : a.with(Status.ELIGIBLE)) {
            out.add(prompts.say("precheck_eligible", "pathway", o.pathway().name(), "cite", text.cite(doc, o.pathway().clauses())));
        }
        for (PathwayOutcome o : a.with(Status.UNDETERMINED)) {
            List<String> missing = text.missing(o.missing());
            if (o.placeUnknown()) missing.add(0, "具体在哪个市、县");
            for (Cited r : o.unclear()) missing.add("文件原文“" + r.text() + "”" + text.cite(doc, r.clause()) + "的理解，以当地公安机关解释为准");
            out.add(prompts.say("precheck_open", "pathway", o.pathway().name(), "cite", text.cite(doc, o.pathway().clauses()),
                    "missing", String.join("；", missing)));
        }
        if (out.isEmpty()) out.add(prompts.say("precheck_none_open"));
        return out;
    }
}
