package luohu.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import luohu.dialog.Session;
import luohu.policy.Excluded;
import luohu.policy.Facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A session as compact JSON and back. Values ruled out (Excluded) are written as {"excluded": [...]}. */
public final class SessionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The row format: 1 had no applicant, focus or ask (read as none); a reader takes every earlier format. */
    static final int FORMAT = 2;

    private SessionCodec() {
    }

    public static String encode(Session s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", FORMAT);
        o.put("state", s.state());
        if (s.place() != null) o.put("place", s.place());
        ObjectNode facts = o.putObject("facts");
        for (Map.Entry<String, Object> e : s.facts().asMap().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Excluded ex) {
                ArrayNode a = facts.putObject(e.getKey()).putArray("excluded");
                ex.values().forEach(a::add);
            } else {
                facts.set(e.getKey(), JSON.valueToTree(v));
            }
        }
        if (s.asked() != null) o.put("asked", s.asked());
        if (!s.declined().isEmpty()) s.declined().forEach(o.putArray("declined")::add);
        o.put("turns", s.turns());
        o.put("updated", s.updated());
        if (s.applicant() != null) o.put("applicant", s.applicant());
        if (!s.focus().isEmpty()) s.focus().forEach(o.putArray("focus")::add);
        if (s.ask() != null) o.put("ask", s.ask());
        ArrayNode recent = o.putArray("recent");
        for (Session.TurnNote n : s.recent()) {
            ObjectNode note = recent.addObject().put("at", n.at()).put("intent", n.intent()).put("action", n.action()).put("state", n.state());
            if (n.said() != 0) note.put("said", n.said());
            if (n.reply() != 0) note.put("reply", n.reply());
        }
        return o.toString();
    }

    /** @throws IllegalArgumentException when the text is not a stored session */
    public static Session decode(String chatId, String json) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !o.isObject()) throw new IllegalArgumentException("not a stored session: not a JSON object");
            Map<String, Object> facts = new LinkedHashMap<>();
            o.path("facts").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isObject() && v.has("excluded")) {
                    Set<String> out = new TreeSet<>();
                    v.get("excluded").forEach(x -> out.add(x.asText()));
                    facts.put(e.getKey(), new Excluded(out));
                } else if (v.isBoolean()) facts.put(e.getKey(), v.booleanValue());
                else if (v.isInt()) facts.put(e.getKey(), v.intValue());
                else if (v.isNumber()) facts.put(e.getKey(), v.doubleValue());
                else facts.put(e.getKey(), v.asText());
            });
            Set<String> declined = new TreeSet<>();
            o.path("declined").forEach(x -> declined.add(x.asText()));
            List<String> focus = new ArrayList<>();
            o.path("focus").forEach(x -> focus.add(x.asText()));
            List<Session.TurnNote> recent = new ArrayList<>();
            for (JsonNode n : o.path("recent")) {
                recent.add(new Session.TurnNote(n.path("at").asLong(), n.path("intent").asText(), n.path("action").asText(), n.path("state").asText(),
                        n.path("said").asInt(0), n.path("reply").asInt(0)));
            }
            return new Session(chatId, o.path("state").asText("start"), o.hasNonNull("place") ? o.get("place").asText() : null,
                    Facts.of(facts), o.hasNonNull("asked") ? o.get("asked").asText() : null, declined,
                    o.path("turns").asInt(), o.path("updated").asLong(), recent,
                    o.hasNonNull("applicant") ? o.get("applicant").asText() : null, focus,
                    o.hasNonNull("ask") ? o.get("ask").asText() : null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored session: " + e.getOriginalMessage());
        }
    }
}
