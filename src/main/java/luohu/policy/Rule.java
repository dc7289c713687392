package luohu.policy;

import java.util.List;

/**
 * A general rule or notice that is not a pathway.
 *
 * @param when  the facts under which it concerns the applicant; null when it is general
 * @param text  the rule in the document's words
 */
public record Rule(String id, String documentId, String title, List<String> topics, Condition when, String text,
                   List<String> clauses, Scope scope) {
    public Rule {
        topics = List.copyOf(topics);
        clauses = List.copyOf(clauses);
    }

    /** Cheap and consistent with equals: rules are looked up in sets on every turn, and their id tells them apart. */
    @Override
    public int hashCode() {
        return documentId.hashCode() * 31 + id.hashCode();
    }
}
