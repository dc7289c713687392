package luohu.policy;

import java.util.List;

/** A place a document covers. {@code groups} are ids of the document's place groups (新疆: 南疆). */
public record Place(String name, List<String> aliases, String kind, List<String> groups, String documentId,
                    boolean root) {
    public Place {
        aliases = List.copyOf(aliases);
        groups = List.copyOf(groups);
    }
}
