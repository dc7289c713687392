package luohu.policy;

import java.util.ArrayList;
import java.util.List;

/** Three-valued evaluation of a condition tree. Unknown facts make a condition unknown, never false. */
final class Evaluator {
    private final FactVocabulary vocabulary;

    Evaluator(FactVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * The truth of a condition, with the conditions that failed and the facts that would decide it; {@code met}
     * counts the leaves already true. Missing facts come in the order they matter: within an "any", the branch
     * closest to true first.
     */
    record Result(Truth truth, List<Failure> failures, List<String> missing, int met, List<Cited> unclear) {
        Result(Truth truth, List<Failure> failures, List<String> missing) {
            this(truth, failures, missing, truth == Truth.TRUE ? 1 : 0, List.of());
        }

        Result(Truth truth, List<Failure> failures, List<String> missing, int met) {
            this(truth, failures, missing, met, List.of());
        }
    }

    /** Results that carry nothing but their truth: shared, as every turn evaluates every pathway. */
    private static final Result HOLDS = new Result(Truth.TRUE, List.of(), List.of());
    /** A leaf whose fact is not known, by fact: the same for every leaf on that fact. */
    private final java.util.Map<String, Result> unknown = new java.util.concurrent.ConcurrentHashMap<>();

    Result eval(Condition c, Facts facts) {
        if (c instanceof Condition.Leaf leaf) return leaf(leaf, facts);
        boolean all = c instanceof Condition.All;
        List<Condition> parts = all ? ((Condition.All) c).parts() : ((Condition.Any) c).parts();
        List<Failure> failures = List.of();
        List<Result> open = List.of();
        boolean anyTrue = false, anyFalse = false;
        int met = 0;
        for (int i = 0; i < parts.size(); i++) { // no iterator: every pathway's tree, every turn
            Result r = eval(parts.get(i), facts);
            met += r.met;
            switch (r.truth) {
                case TRUE -> anyTrue = true;
                case FALSE -> {
                    anyFalse = true;
                    if (!r.failures.isEmpty()) {
                        if (failures.isEmpty()) failures = new ArrayList<>(4);
                        failures.addAll(r.failures);
                    }
                }
                case UNKNOWN -> {
                    if (open.isEmpty()) open = new ArrayList<>(parts.size());
                    open.add(r);
                }
            }
        }
        if (all && anyFalse) return new Result(Truth.FALSE, failures, List.of(), met);
        if (!all && anyTrue) return new Result(Truth.TRUE, List.of(), List.of(), met);
        if (open.isEmpty()) return all ? new Result(Truth.TRUE, List.of(), List.of(), met) : new Result(Truth.FALSE, failures, List.of(), met);
        // one open branch: its missing facts are the whole's
        if (open.size() == 1) return new Result(Truth.UNKNOWN, List.of(), open.get(0).missing, met, open.get(0).unclear);
        if (!all) open.sort((x, y) -> Integer.compare(y.met, x.met)); // the branch nearest to true first
        // few facts each: a list kept distinct costs less than a set
        int most = 0;
        for (int i = 0; i < open.size(); i++) most += open.get(i).missing.size();
        List<String> missing = new ArrayList<>(most);
        List<Cited> unclear = List.of();
        for (int i = 0; i < open.size(); i++) {
            Result r = open.get(i);
            for (int k = 0; k < r.missing.size(); k++) if (!missing.contains(r.missing.get(k))) missing.add(r.missing.get(k));
            for (int k = 0; k < r.unclear.size(); k++) {
                Cited u = r.unclear.get(k);
                if (unclear.isEmpty()) unclear = new ArrayList<>(2);
                if (!unclear.contains(u)) unclear.add(u);
            }
        }
        return new Result(Truth.UNKNOWN, List.of(), missing, met, unclear);
    }

    Truth truth(Condition c, Facts facts) {
        return c == null ? Truth.TRUE : eval(c, facts).truth;
    }

    /** A leaf that holds on a passage open to two readings ({@code unclear}) is neither true nor false. */
    private Result leaf(Condition.Leaf leaf, Facts facts) {
        Result r = plainLeaf(leaf, facts);
        if (r.truth != Truth.TRUE || leaf.unclear() == null) return r;
        return new Result(Truth.UNKNOWN, List.of(), List.of(), 1,
                List.of(new Cited(leaf.says(), leaf.clause(), leaf.unclear(), true)));
    }

    private Result plainLeaf(Condition.Leaf leaf, Facts facts) {
        Object actual = facts.get(leaf.fact()).orElse(null);
        if (actual == null) return unknown.computeIfAbsent(leaf.fact(), f -> new Result(Truth.UNKNOWN, List.of(), List.of(f)));
        Fact fact = vocabulary.get(leaf.fact());
        if (actual instanceof Excluded ex) return excluded(leaf, fact, ex);
        if (satisfies(leaf, fact, actual)) return HOLDS;
        return new Result(Truth.FALSE, List.of(new Failure(leaf, actual, gap(fact, leaf, actual))), List.of());
    }

    /** Whether a leaf is true for these facts, as {@link #eval} finds it, without building its result. */
    boolean holds(Condition.Leaf leaf, Facts facts) {
        Object actual = facts.get(leaf.fact()).orElse(null);
        if (actual == null || leaf.unclear() != null) return false;
        if (actual instanceof Excluded) return leaf(leaf, facts).truth == Truth.TRUE;
        return satisfies(leaf, vocabulary.get(leaf.fact()), actual);
    }

    private static boolean satisfies(Condition.Leaf leaf, Fact fact, Object actual) {
        return switch (leaf.op()) {
            case IS -> leaf.operand().equals(actual);
            case IN -> ((List<?>) leaf.operand()).contains(actual);
            case NOT_IN -> !((List<?>) leaf.operand()).contains(actual);
            case AT_LEAST -> compare(fact, actual, leaf.operand()) >= 0;
            case BELOW -> compare(fact, actual, leaf.operand()) < 0;
        };
    }

    /** A choice fact of which only ruled-out values are known: false only when every accepted value is ruled out. */
    private static Result excluded(Condition.Leaf leaf, Fact fact, Excluded ex) {
        List<?> accepted = switch (leaf.op()) {
            case IS -> List.of(leaf.operand());
            case IN -> (List<?>) leaf.operand();
            case NOT_IN -> fact.valueIds().stream().filter(v -> !((List<?>) leaf.operand()).contains(v)).toList();
            default -> fact.valueIds();
        };
        if (ex.values().containsAll(accepted)) {
            return new Result(Truth.FALSE, List.of(new Failure(leaf, ex, null)), List.of());
        }
        if (leaf.op() == Condition.Op.NOT_IN && ex.values().containsAll(fact.valueIds().stream()
                .filter(v -> ((List<?>) leaf.operand()).contains(v)).toList())) {
            return new Result(Truth.TRUE, List.of(), List.of());
        }
        return new Result(Truth.UNKNOWN, List.of(), List.of(leaf.fact()));
    }

    private static int compare(Fact fact, Object actual, Object operand) {
        if (fact.type() == FactType.LEVEL) return Integer.compare(fact.rank((String) actual), fact.rank((String) operand));
        return Double.compare(((Number) actual).doubleValue(), ((Number) operand).doubleValue());
    }

    private static Double gap(Fact fact, Condition.Leaf leaf, Object actual) {
        if (!fact.type().numeric()) return null;
        double a = ((Number) actual).doubleValue(), o = ((Number) leaf.operand()).doubleValue();
        return switch (leaf.op()) {
            case AT_LEAST -> o - a;
            case BELOW -> a - o;
            default -> null;
        };
    }
}
