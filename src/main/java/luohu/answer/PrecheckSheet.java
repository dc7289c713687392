package luohu.answer;

import java.util.List;

/**
 * The pre-check sheet (预审单) of a conversation: what a citizen brings to the registration window. Only what the
 * conversation established — the place, the facts as stated, the pathways found or open, the chosen pathway's
 * materials verbatim with their clauses — never what was typed.
 *
 * @param pathwayId the pathway whose materials the sheet lists, or null when none was found or is open
 * @param sections  the sheet as headed sections of lines, in order, for the text reply and the PDF alike
 */
public record PrecheckSheet(String place, String documentId, String pathwayId, List<Section> sections) {
    public PrecheckSheet {
        sections = List.copyOf(sections);
    }

    /** One headed part of the sheet. */
    public record Section(String heading, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** The sheet as plain text: each heading, then its lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(s.heading());
            for (String l : s.lines()) sb.append("\n").append(l);
        }
        return sb.toString();
    }
}
