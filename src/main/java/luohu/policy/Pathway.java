package luohu.policy;

import java.util.List;

/**
 * A way to settle (落户途径) in one document.
 *
 * @param topics          what the pathway is about (topics.yaml): the words of a question point at it through them
 * @param conditions      null when the document sets no condition (新疆 南疆)
 * @param materialsSilent true when the document lists no materials for this pathway
 * @param crossProvince   the clause marking 可申请跨省通办, null when not marked
 */
public record Pathway(String id, String documentId, String name, List<String> topics, List<String> clauses, Scope scope,
                      Condition conditions, List<FamilyMember> family, List<Cited> materials,
                      boolean materialsSilent, List<Registration> registration, String crossProvince,
                      List<Cited> notes) {
    public Pathway {
        topics = List.copyOf(topics);
        clauses = List.copyOf(clauses);
        family = List.copyOf(family);
        materials = List.copyOf(materials);
        registration = List.copyOf(registration);
        notes = List.copyOf(notes);
    }

    /** The notes whose reading is said to the citizen ({@code tell: true}): where the model takes the broader reading. */
    public List<Cited> toldReadings() {
        return notes.stream().filter(n -> n.reading() != null && n.tell()).toList();
    }

    /** Cheap and consistent with equals: pathways are kept in sets on every turn, and their id tells them apart. */
    @Override
    public int hashCode() {
        return documentId.hashCode() * 31 + id.hashCode();
    }
}
