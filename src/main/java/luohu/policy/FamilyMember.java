package luohu.policy;

/** Who may move along with the applicant, on what terms (e.g. 配偶, 共同居住生活). */
public record FamilyMember(String relation, String terms, String clause) {
}
