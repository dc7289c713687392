package luohu.nlu;

/** What a message asks for. The ids are those of dialogs/lexicon.yaml. */
public enum Intent {
    GREETING, SETTLE, MATERIALS, REGISTRATION, RESIDENCE_PERMIT, LAND, POLICY_INFO, COMPARE, RESTART, CORRECTION,
    THANKS, HELP, OUT_OF_SCOPE, INFORM, RESULT, NO_HUKOU, REQUIREMENT, FORGET, PRECHECK;

    /** The id of the dialog files: the name in lower case, made once rather than on every look-up. */
    private final String id = name().toLowerCase(java.util.Locale.ROOT);
    private static final java.util.Map<String, Intent> BY_ID = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Intent::id, v -> v));

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException for an id that names none */
    public static Intent parse(String id) {
        Intent v = BY_ID.get(id.toLowerCase(java.util.Locale.ROOT));
        if (v == null) throw new IllegalArgumentException("no intent " + id);
        return v;
    }

    /** A question about the rules rather than about the applicant's own case. */
    public boolean general() {
        return switch (this) {
            case RESIDENCE_PERMIT, LAND, POLICY_INFO, COMPARE, NO_HUKOU -> true;
            default -> false;
        };
    }
}
