package org.geneassoc.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one HTML file: styles, script and data inline, no request to any other host (its Content Security
 * Policy forbids them), so it opens from disk with no server. The data goes in as JSON inside a script element that
 * is never run, with every {@code <}, {@code >} and {@code &} escaped, and the page's script puts article text on the
 * page as text only; the policy runs no script but the page's own (a nonce), should markup get in anyway.
 */
public final class HtmlReport {
    /** The report's name beside {@code _SUMMARY.json}. */
    public static final String FILE = "_REPORT.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private HtmlReport() {
    }

    /** A line of the run's facts: what and how much. */
    public record Fact(String label, String value) {
    }

    public static String render(String source, List<Fact> facts, ReportData data) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", source);
        page.put("facts", facts.stream().map(f -> List.of(f.label(), f.value())).toList());
        page.put("report", data);
        byte[] nonceBytes = new byte[18];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        // One pass over the template, so no value can be read as another placeholder.
        Map<String, String> values = Map.of("NONCE", nonce, "STYLE", resource("report.css"), "SCRIPT", resource("report.js"),
                "DATA", scriptSafeJson(page), "CHART", chart(data.scoreBins()));
        String template = resource("report.html");
        StringBuilder out = new StringBuilder(template.length() + values.get("DATA").length() + 16_384);
        int at = 0;
        for (int open = template.indexOf("{{", at); open >= 0; open = template.indexOf("{{", at)) {
            int close = template.indexOf("}}", open);
            out.append(template, at, open).append(values.get(template.substring(open + 2, close)));
            at = close + 2;
        }
        return out.append(template, at, template.length()).toString();
    }

    /** JSON that cannot end its script element or open a comment in it. */
    static String scriptSafeJson(Object value) {
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report's data cannot be written as JSON: " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The score distribution as an inline SVG bar chart: bins of equal width from 0 to 1, numbers only. */
    static String chart(long[] bins) {
        int width = 320;
        int height = 120;
        int left = 34;
        int bottom = 18;
        long most = 1;
        for (long b : bins) {
            most = Math.max(most, b);
        }
        double barWidth = (width - left) / (double) bins.length;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "aria-label=\"Distribution of association scores\">", width, height, width, height));
        for (int i = 0; i < bins.length; i++) {
            double h = (height - bottom - 6) * bins[i] / (double) most;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%.2f–%.2f: %d</title></rect>",
                    left + i * barWidth + 1, height - bottom - h, barWidth - 2, h, i / (double) bins.length, (i + 1) / (double) bins.length,
                    bins[i]));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, height - bottom, width,
                height - bottom));
        for (double tick : new double[] {0, 0.5, 1}) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%.1f</text>",
                    left + tick * (width - left), height - 4, tick == 1 ? "end" : "middle", tick));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" text-anchor=\"end\">%d</text>", left - 4, most));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", left - 4, height - bottom));
        return svg.append("</svg>").toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The report's " + name + " is missing from the JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
