package luohu.policy;

import java.util.List;

/** A condition tree over facts. Every node may carry the document's own words ({@code says}) and its clause. */
public sealed interface Condition permits Condition.Leaf, Condition.All, Condition.Any {

    String says();

    String clause();

    /** Every leaf of the tree, in order. */
    default List<Leaf> leaves() {
        List<Leaf> out = new java.util.ArrayList<>();
        if (this instanceof Leaf l) out.add(l);
        if (this instanceof All a) a.parts().forEach(p -> out.addAll(p.leaves()));
        if (this instanceof Any a) a.parts().forEach(p -> out.addAll(p.leaves()));
        return out;
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
    }

    /** True when every part is true. */
    record All(List<Condition> parts, String says, String clause) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** True when at least one part is true. */
    record Any(List<Condition> parts, String says, String clause) implements Condition {
        public Any {
            parts = List.copyOf(parts);
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
