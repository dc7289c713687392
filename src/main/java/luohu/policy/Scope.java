package luohu.policy;

import java.util.List;

/** Which places of a document something applies to: names or group ids, minus exceptions. Empty = all. */
public record Scope(List<String> only, List<String> except) {
    public static final Scope ALL = new Scope(List.of(), List.of());

    public Scope {
        only = List.copyOf(only);
        except = List.copyOf(except);
    }

    /**
     * Whether the scope covers {@code place}; UNKNOWN for the document's root place under a restricted scope, be it
     * restricted to some places or excepting some (新疆 as a whole may be 乌鲁木齐, which a pathway excepts).
     */
    public Truth covers(Place place) {
        if (matches(except, place)) return Truth.FALSE;
        if (only.isEmpty() && except.isEmpty()) return Truth.TRUE;
        if (!only.isEmpty() && matches(only, place)) return Truth.TRUE;
        if (only.isEmpty()) return place.root() ? Truth.UNKNOWN : Truth.TRUE;
        return place.root() ? Truth.UNKNOWN : Truth.FALSE;
    }

    private static boolean matches(List<String> names, Place place) {
        if (names.contains(place.name())) return true;
        List<String> groups = place.groups();
        for (int i = 0; i < groups.size(); i++) if (names.contains(groups.get(i))) return true; // no iterator: every pathway, every turn
        return false;
    }

    public boolean restricted() {
        return !only.isEmpty() || !except.isEmpty();
    }
}
