package io.berth.audit.control;

import java.util.List;

/**
 * Spreadsheet-safe CSV (RFC 4180): cells with a comma, quote or line break are quoted with inner quotes doubled,
 * and a cell that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so a user
 * name or resource such as {@code =HYPERLINK(...)} is shown as text instead of being run as a formula
 * (CSV injection, OWASP).
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One line, ending in CRLF. */
    public static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
