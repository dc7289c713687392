package luohu.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        // streamed, not built as a tree: every turn writes its session
        // (Jackson's own writer, on its recycled buffers, as writeValueAsString uses)
        SegmentedStringWriter out = new SegmentedStringWriter(JSON.getFactory()._getBufferRecycler());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", FORMAT);
            g.writeStringField("state", s.state());
            if (s.place() != null) g.writeStringField("place", s.place());
            g.writeObjectFieldStart("facts");
            for (Map.Entry<String, Object> e : s.facts().asMap().entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v instanceof Excluded ex) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("excluded");
                    for (String x : ex.values()) g.writeString(x);
                    g.writeEndArray();
                    g.writeEndObject();
                } else if (v instanceof Boolean b) g.writeBoolean(b);
                else if (v instanceof Integer i) g.writeNumber(i);
                else if (v instanceof Long l) g.writeNumber(l);
                else if (v instanceof Double d) g.writeNumber(d);
                else if (v instanceof Number n) g.writeNumber(n.doubleValue());
                else g.writeString(String.valueOf(v));
            }
            g.writeEndObject();
            if (s.asked() != null) g.writeStringField("asked", s.asked());
            if (!s.declined().isEmpty()) strings(g, "declined", s.declined());
            g.writeNumberField("turns", s.turns());
            g.writeNumberField("updated", s.updated());
            if (s.applicant() != null) g.writeStringField("applicant", s.applicant());
            if (!s.focus().isEmpty()) strings(g, "focus", s.focus());
            if (s.ask() != null) g.writeStringField("ask", s.ask());
            g.writeArrayFieldStart("recent");
            for (Session.TurnNote n : s.recent()) {
                g.writeStartObject();
                g.writeNumberField("at", n.at());
                g.writeStringField("intent", n.intent());
                g.writeStringField("action", n.action());
                g.writeStringField("state", n.state());
                if (n.said() != 0) g.writeNumberField("said", n.said());
                if (!n.lines().isEmpty()) {
                    g.writeArrayFieldStart("lines");
                    for (int h : n.lines()) g.writeNumber(h);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.close();
            return out.getAndClear();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a writer in memory does not fail
        }
    }

    private static void strings(JsonGenerator g, String field, Iterable<String> values) throws java.io.IOException {
        g.writeArrayFieldStart(field);
        for (String x : values) g.writeString(x);
        g.writeEndArray();
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
                List<Integer> lines = new ArrayList<>();
                n.path("lines").forEach(h -> lines.add(h.asInt()));
                recent.add(new Session.TurnNote(n.path("at").asLong(), n.path("intent").asText(), n.path("action").asText(), n.path("state").asText(),
                        n.path("said").asInt(0), lines));
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
