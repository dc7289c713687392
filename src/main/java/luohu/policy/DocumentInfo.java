package luohu.policy;

import java.util.List;

/**
 * What a policy document is: title, number (文号), issuer, the place it governs, its date and status.
 *
 * @param region      the province or autonomous region the governed place lies in
 * @param status      "in_force" or "draft"
 * @param statusNote  the document's own word for its status (审议稿), may be null
 * @param effective   the date it took effect, ISO, when the document states one; may be null
 * @param dateNote    the document's own words on its date or entry into force, may be null
 * @param dateInferred the document states no date: {@code date} is inferred from its text (dateNote says how), and
 *                     is shown as inferred, never as the document's date
 */
public record DocumentInfo(String id, String shortName, String title, String number, String issuer, String governs,
                           String region, String date, String effective, String dateNote, String status, String statusNote,
                           List<String> implementsDocs, List<String> repeals, String source, boolean dateInferred) {

    public DocumentInfo(String id, String shortName, String title, String number, String issuer, String governs,
                        String region, String date, String effective, String dateNote, String status, String statusNote,
                        List<String> implementsDocs, List<String> repeals, String source) {
        this(id, shortName, title, number, issuer, governs, region, date, effective, dateNote, status, statusNote,
                implementsDocs, repeals, source, false);
    }

    public boolean draft() {
        return "draft".equals(status);
    }

    /** Title with number, the way a citation names the document. */
    public String citeName() {
        return number == null || number.isBlank() ? "《" + title + "》" : "《" + title + "》（" + number + "）";
    }

    /** The shortest unambiguous way to cite: the number when there is one, else the title. */
    public String shortCite() {
        return number == null || number.isBlank() ? "《" + title + "》" : number;
    }
}
