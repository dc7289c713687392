package luohu.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable set of known facts about an applicant: fact id to normalised value. Absent means unknown. */
public final class Facts {
    public static final Facts EMPTY = new Facts(new TreeMap<>());

    private final Map<String, Object> values;

    private Facts(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Facts of(Map<String, Object> values) {
        return new Facts(new TreeMap<>(values));
    }

    public Optional<Object> get(String id) {
        return Optional.ofNullable(values.get(id));
    }

    public boolean knows(String id) {
        return values.containsKey(id);
    }

    public Facts with(String id, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(id, value);
        return new Facts(copy);
    }

    public Facts without(String id) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.remove(id);
        return new Facts(copy);
    }

    /** These facts overlaid with {@code later}: a later value replaces an earlier one. */
    public Facts merge(Facts later) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.putAll(later.values);
        return new Facts(copy);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
