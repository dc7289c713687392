package luohu.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import luohu.answer.AssessmentJson;
import luohu.policy.Assessment;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.Facts;
import luohu.policy.Place;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** POST /api/assess {place, facts}: every pathway of the place's document for the facts given. */
final class AssessApi {
    static final String SHAPE = "{\"place\": \"赤峰\", \"facts\": {\"housing\": \"rent\", \"lease_registered\": true, \"lease_months\": 8}}";

    /** No applicant has lived, worked or studied longer than this: larger numbers are typing mistakes. */

    private final PolicyModel model;
    private final PolicyEngine engine;
    private final AssessmentJson json;

    AssessApi(PolicyModel model) {
        this.model = model;
        this.engine = new PolicyEngine(model);
        this.json = new AssessmentJson(model);
    }

    void assess(Context ctx) {
        ObjectNode body = JsonBody.object(ctx, SHAPE);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("place") && !field.equals("facts")) {
                throw new BadRequestResponse("unknown field \"" + shorten(field) + "\"; expected a JSON object like " + SHAPE);
            }
        }
        Place place = place(JsonBody.text(body, "place", true, SHAPE));
        Facts facts = facts(body.get("facts"));
        ctx.json(of(engine.assess(place, facts)));
    }

    Place place(String name) {
        return model.place(name).orElseThrow(() -> new BadRequestResponse("没有“" + shorten(name) + "”这个地点的落户政策；可选："
                + model.documents().stream().map(d -> d.rootPlace().name()).collect(Collectors.joining("、"))
                + "及其下辖地区。(unknown place \"" + shorten(name)
                + "\"; places covered: " + model.documents().stream()
                .map(d -> d.rootPlace().name() + " (" + d.places().stream().skip(1).map(Place::name).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ")) + ")"));
    }

    private Facts facts(JsonNode node) {
        if (node == null || node.isNull()) return Facts.EMPTY;
        if (!node.isObject()) throw new BadRequestResponse("\"facts\" must be a JSON object of fact id to value, e.g. {\"housing\": \"own\"}; GET /api/facts lists the facts");
        Map<String, Object> raw = JsonBody.JSON.convertValue(node, JsonBody.JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        try {
            luohu.cli.FactBounds.check(model.vocabulary(), raw);
            return model.vocabulary().parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** The assessment as {@link AssessmentJson} gives it, with the document's citation name and the missing facts named. */
    private Map<String, Object> of(Assessment a) {
        Map<String, Object> out = new LinkedHashMap<>(json.of(a));
        out.put("document", CatalogApi.documentInfo(a.document()));
        List<Object> pathways = new ArrayList<>();
        for (Object o : (List<?>) out.get("pathways")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) o);
            List<Object> missing = new ArrayList<>();
            for (Object id : (List<?>) p.get("missing")) {
                Fact f = model.vocabulary().get((String) id);
                missing.add(Map.of("id", f.id(), "name", f.name(), "description", f.description()));
            }
            p.put("missing_facts", missing);
            pathways.add(p);
        }
        out.put("pathways", pathways);
        return out;
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
