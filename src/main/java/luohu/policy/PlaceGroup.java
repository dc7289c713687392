package luohu.policy;

/** A named set of places with rules of its own, e.g. 南疆. */
public record PlaceGroup(String id, String name, String clause) {
}
