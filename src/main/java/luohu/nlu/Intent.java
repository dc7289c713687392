package luohu.nlu;

/** What a message asks for. The ids are those of dialogs/lexicon.yaml. */
public enum Intent {
    GREETING, SETTLE, MATERIALS, REGISTRATION, RESIDENCE_PERMIT, LAND, POLICY_INFO, COMPARE, RESTART, CORRECTION,
    THANKS, HELP, OUT_OF_SCOPE, INFORM, RESULT, NO_HUKOU, REQUIREMENT, FORGET, PRECHECK;

    public String id() {
        return name().toLowerCase();
    }

    public static Intent parse(String id) {
        return valueOf(id.toUpperCase());
    }

    /** A question about the rules rather than about the applicant's own case. */
    public boolean general() {
        return switch (this) {
            case RESIDENCE_PERMIT, LAND, POLICY_INFO, COMPARE, NO_HUKOU -> true;
            default -> false;
        };
    }
}
