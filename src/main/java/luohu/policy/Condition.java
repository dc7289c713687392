package luohu.policy;

import java.util.List;

/** A condition tree over facts. Every node may carry the document's own words ({@code says}) and its clause. */
public sealed interface Condition permits Condition.Leaf, Condition.All, Condition.Any {

    String says();

    String clause();

    /** Every leaf of the tree, in order (gathered when the tree is built: turns read them many times). */
    List<Leaf> leaves();

    private static List<Leaf> gather(List<Condition> parts) {
        List<Leaf> out = new java.util.ArrayList<>();
        for (Condition p : parts) out.addAll(p.leaves());
        return List.copyOf(out);
    }

    /** The leaves of a possibly absent tree. */
    static List<Leaf> leavesOf(Condition c) {
        return c == null ? List.of() : c.leaves();
    }

    /**
     * A test of one fact.
     *
     * @param unclear null for an ordinary test; else the text allows two readings when this test holds, and this is
     *                what the citizen is told ("文件此处可有两种理解：…，以当地公安机关解释为准"): a leaf that holds counts
     *                as neither true nor false, so the pathway is undetermined with this reading rather than eligible
     *                or refused
     */
    record Leaf(String fact, Op op, Object operand, String says, String clause, String unclear) implements Condition {
        public Leaf(String fact, Op op, Object operand, String says, String clause) {
            this(fact, op, operand, says, clause, null);
        }

        @Override
        public List<Leaf> leaves() {
            return List.of(this);
        }
    }

    /** True when every part is true; its leaves are always gathered from its parts, whatever is passed. */
    record All(List<Condition> parts, String says, String clause, List<Leaf> leaves) implements Condition {
        public All {
            parts = List.copyOf(parts);
            leaves = gather(parts);
        }

        public All(List<Condition> parts, String says, String clause) {
            this(parts, says, clause, List.of());
        }
    }

    /** True when at least one part is true; its leaves are always gathered from its parts. */
    record Any(List<Condition> parts, String says, String clause, List<Leaf> leaves) implements Condition {
        public Any {
            parts = List.copyOf(parts);
            leaves = gather(parts);
        }

        public Any(List<Condition> parts, String says, String clause) {
            this(parts, says, clause, List.of());
        }
    }

    /** The comparisons a leaf can make. */
    enum Op {
        IS("is"), IN("in"), NOT_IN("not_in"), AT_LEAST("at_least"), BELOW("below");

        public final String yaml;

        Op(String yaml) {
            this.yaml = yaml;
        }
    }
}
