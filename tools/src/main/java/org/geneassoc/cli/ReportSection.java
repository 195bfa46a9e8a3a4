package org.geneassoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated section of a Markdown report, between two marker comments, replaced in place (appended the first time). */
record ReportSection(String start, String end) {

    void write(Path report, String body) throws IOException {
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        String section = start + "\n\n" + body.strip() + "\n\n" + end;
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        String out = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + end.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
        Files.writeString(report, out, StandardCharsets.UTF_8);
    }
}
