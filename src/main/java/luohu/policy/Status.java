package luohu.policy;

/** The outcome of one pathway for the facts known so far. */
public enum Status {
    ELIGIBLE("eligible"), NOT_ELIGIBLE("not_eligible"), UNDETERMINED("undetermined"), NOT_APPLICABLE("not_applicable");

    public final String id;

    Status(String id) {
        this.id = id;
    }

    public static Status parse(String id) {
        for (Status s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown status " + id);
    }
}
