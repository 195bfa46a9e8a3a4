package org.geneassoc.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Publication dates as ISO {@code yyyy-MM-dd}; PubMed's month may be a number or an English abbreviation. */
final class Dates {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private Dates() {
    }

    /** An ISO date string checked for validity, or null. */
    static String iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Year, month and day as PubMed gives them; a missing month or day counts as the first. */
    static String of(String year, String month, String day) {
        if (year == null || !year.strip().matches("\\d{4}")) {
            return null;
        }
        int m = 1;
        if (month != null && !month.isBlank()) {
            String s = month.strip().toLowerCase(Locale.ROOT);
            m = s.matches("\\d{1,2}") ? Integer.parseInt(s) : MONTHS.indexOf(s.length() >= 3 ? s.substring(0, 3) : s) + 1;
        }
        int d = day != null && day.strip().matches("\\d{1,2}") ? Integer.parseInt(day.strip()) : 1;
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), m, d).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
