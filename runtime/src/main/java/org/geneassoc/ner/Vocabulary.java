package org.geneassoc.ner;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Name → concept dictionaries for genes and diseases, one concept per key, as the build wrote them
 * ({@code vocabulary/terms.tsv.gz}).
 */
public final class Vocabulary {
    public static final String FILE = "terms.tsv.gz";
    /** A dictionary entry: the name as the source spelt it, what it names, and where it came from. */
    public record Term(String form, Concept concept, String source) {
    }

    private final Map<String, Term> genes;
    private final Map<String, Term> diseases;
    /** Every key, sorted: a matcher stops lengthening a span once no key begins with it. */
    private final String[] sortedKeys;

    public Vocabulary(Map<String, Term> genes, Map<String, Term> diseases) {
        this.genes = genes;
        this.diseases = diseases;
        this.sortedKeys = java.util.stream.Stream.concat(genes.keySet().stream(), diseases.keySet().stream())
                .sorted().distinct().toArray(String[]::new);
    }

    /** Whether some gene or disease key begins with {@code prefix} (or is it). */
    public boolean hasKeyStartingWith(String prefix) {
        int i = java.util.Arrays.binarySearch(sortedKeys, prefix);
        if (i >= 0) {
            return true;
        }
        int next = -i - 1;
        return next < sortedKeys.length && sortedKeys[next].startsWith(prefix);
    }

    public Term gene(String key) {
        return genes.get(key);
    }

    public Term disease(String key) {
        return diseases.get(key);
    }

    public int geneTerms() {
        return genes.size();
    }

    public int diseaseTerms() {
        return diseases.size();
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static Vocabulary read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Entity vocabulary " + file + " does not exist; the model-assets build copies it into every models folder "
                    + "(mvn -pl model-assets -am package)");
        }
        Map<String, Term> genes = new HashMap<>();
        Map<String, Term> diseases = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String[] c = line.split("\t", -1);
                if (c.length != 8) {
                    throw new IOException(file + ":" + n + ": expected 8 columns, got " + c.length);
                }
                Concept.EntityType type = Concept.EntityType.valueOf(c[0]);
                Concept concept = new Concept(type, c[3], c[4], blank(c[5]), blank(c[6]));
                (type == Concept.EntityType.GENE ? genes : diseases).put(c[1], new Term(c[2], concept, c[7]));
            }
        }
        return new Vocabulary(genes, diseases);
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(folder.resolve(FILE))), StandardCharsets.UTF_8))) {
            for (Map<String, Term> m : java.util.List.of(new TreeMap<>(genes), new TreeMap<>(diseases))) {
                for (Map.Entry<String, Term> e : m.entrySet()) {
                    Term t = e.getValue();
                    Concept c = t.concept();
                    w.write(String.join("\t", c.type().name(), e.getKey(), clean(t.form()), c.id(), clean(c.name()),
                            c.hgncId() == null ? "" : c.hgncId(), c.meshId() == null ? "" : c.meshId(), t.source()));
                    w.newLine();
                }
            }
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
