package luohu.policy;

/** A numbered clause of a document, its text verbatim. {@code label} is the document's own numbering. */
public record Clause(String id, String documentId, String label, String heading, String text) {
}
