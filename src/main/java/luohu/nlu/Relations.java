package luohu.nlu;

import java.util.Map;

/** How relations turn round: who the speaker is to a relative of theirs. */
public final class Relations {
    /** Who the speaker is to an applicant who is the speaker's [relation]. */
    static final Map<String, String> INVERSE = Map.of("spouse", "spouse", "parent", "child", "child", "parent",
            "grandparent", "grandchild", "grandchild", "grandparent", "parent_in_law", "child_in_law",
            "child_in_law", "parent_in_law", "sibling", "sibling", "other", "other");

    private Relations() {
    }

    /** Who the speaker is to their [relation] ("parent" → "child"); null for a relation not known. */
    public static String inverse(String relation) {
        return relation == null ? null : INVERSE.get(relation);
    }
}
