package luohu.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One declared fact of the shared vocabulary.
 *
 * @param name   a short plain noun (住房, 学历)
 * @param unit   for months and years facts: the unit a number is said in (个月, 年, 岁 for an age)
 * @param values for choice and level facts, value id to its plain Chinese label, in declared order
 */
public record Fact(String id, String name, FactType type, String description, Map<String, String> values, String unit) {

    public Fact {
        if (unit == null) unit = type == FactType.MONTHS ? "个月" : type == FactType.YEARS ? "年" : null;
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Checks and normalises a value given for this fact: Boolean for bool, the value id for choice and level,
     * Integer for months, Double for years.
     *
     * @throws IllegalArgumentException with a message that lists what is accepted
     */
    public Object normalise(Object raw) {
        switch (type) {
            case BOOL -> {
                if (raw instanceof Boolean b) return b;
                if (raw instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.valueOf(s);
                throw new IllegalArgumentException(id + " takes true or false, not " + show(raw));
            }
            case CHOICE, LEVEL -> {
                if (raw instanceof String s && values.containsKey(s)) return s;
                throw new IllegalArgumentException(id + " takes one of " + String.join(", ", values.keySet())
                        + ", not " + show(raw));
            }
            case MONTHS -> {
                if (raw instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return n.intValue();
                }
                throw new IllegalArgumentException(id + " takes a whole number of months (0 or more), not " + show(raw));
            }
            case YEARS -> {
                if (raw instanceof Number n && n.doubleValue() >= 0) return n.doubleValue();
                throw new IllegalArgumentException(id + " takes a number of years (0 or more), not " + show(raw));
            }
        }
        throw new AssertionError(type);
    }

    /** Position of a level or choice value in declared order, -1 when it is not declared. */
    public int rank(String value) {
        return new ArrayList<>(values.keySet()).indexOf(value);
    }

    /** Plain Chinese for a normalised value of this fact. */
    public String label(Object value) {
        if (value instanceof Excluded ex) {
            return "不是" + String.join("，也不是", ex.values().stream().map(v -> values.getOrDefault(v, v)).toList());
        }
        return switch (type) {
            case BOOL -> Boolean.TRUE.equals(value) ? "是" : "否";
            case CHOICE, LEVEL -> values.getOrDefault(String.valueOf(value), String.valueOf(value));
            case MONTHS -> Durations.months((Integer) value);
            case YEARS -> unit.equals("年") ? Durations.years(((Number) value).doubleValue())
                    : Durations.years(((Number) value).doubleValue()).replace("年", unit);
        };
    }

    public List<String> valueIds() {
        return List.copyOf(values.keySet());
    }

    private static String show(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }
}
