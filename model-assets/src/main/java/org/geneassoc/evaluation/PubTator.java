package org.geneassoc.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PubTator files (BioRED): {@code pmid|t|title}, {@code pmid|a|abstract}, entity lines
 * {@code pmid start end text type ids} with offsets into "title abstract", and relation lines
 * {@code pmid type id1 id2 novelty}.
 */
public final class PubTator {
    public static final Set<String> GENE_TYPES = Set.of("GeneOrGeneProduct", "Gene");
    public static final Set<String> DISEASE_TYPES = Set.of("DiseaseOrPhenotypicFeature", "Disease");

    private PubTator() {
    }

    public record Mention(int start, int end, String text, String type, List<String> ids) {
        public boolean isGene() {
            return GENE_TYPES.contains(type);
        }

        public boolean isDisease() {
            return DISEASE_TYPES.contains(type);
        }
    }

    public record Relation(String type, String id1, String id2) {
    }

    public record Document(String pmid, String title, String abstractText, List<Mention> mentions, List<Relation> relations) {
        /** Entity ids of this document's gene (or disease) mentions. */
        public Set<String> ids(boolean genes) {
            Set<String> out = new java.util.TreeSet<>();
            for (Mention m : mentions) {
                if (genes ? m.isGene() : m.isDisease()) {
                    out.addAll(m.ids());
                }
            }
            return out;
        }

        /** Related (gene id, disease id) pairs, in either order on the relation line. */
        public Set<List<String>> geneDiseasePairs() {
            return geneDiseaseRelations().keySet();
        }

        /** Related (gene id, disease id) pairs and the type of their relation (the first line's, should one pair have two). */
        public Map<List<String>, String> geneDiseaseRelations() {
            Set<String> genes = ids(true);
            Set<String> diseases = ids(false);
            Map<List<String>, String> pairs = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
            for (Relation r : relations) {
                if (genes.contains(r.id1()) && diseases.contains(r.id2())) {
                    pairs.putIfAbsent(List.of(r.id1(), r.id2()), r.type());
                } else if (genes.contains(r.id2()) && diseases.contains(r.id1())) {
                    pairs.putIfAbsent(List.of(r.id2(), r.id1()), r.type());
                }
            }
            return pairs;
        }
    }

    public static List<Document> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("PubTator file " + file + " does not exist");
        }
        Map<String, String[]> texts = new LinkedHashMap<>();
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        Map<String, List<Relation>> relations = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            if (bar > 0 && bar + 2 < line.length() && line.charAt(bar + 2) == '|' && line.substring(0, bar).matches("\\d+")) {
                String pmid = line.substring(0, bar);
                String[] ta = texts.computeIfAbsent(pmid, k -> new String[2]);
                ta[line.charAt(bar + 1) == 't' ? 0 : 1] = line.substring(bar + 3);
                continue;
            }
            String[] c = line.split("\t", -1);
            try {
                if (c.length >= 6 && c[1].matches("\\d+")) {
                    List<String> ids = new ArrayList<>();
                    for (String id : c[5].split("[,;|]")) {
                        if (!id.isBlank() && !id.equals("-")) {
                            ids.add(id.strip());
                        }
                    }
                    mentions.computeIfAbsent(c[0], k -> new ArrayList<>())
                            .add(new Mention(Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4], List.copyOf(ids)));
                } else if (c.length >= 4) {
                    relations.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new Relation(c[1], c[2], c[3]));
                } else {
                    throw new IOException("unrecognised line");
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (n + 1) + ": bad offsets in '" + line + "'", e);
            }
        }
        List<Document> docs = new ArrayList<>();
        for (Map.Entry<String, String[]> e : texts.entrySet()) {
            String pmid = e.getKey();
            docs.add(new Document(pmid, e.getValue()[0], e.getValue()[1], mentions.getOrDefault(pmid, List.of()),
                    relations.getOrDefault(pmid, List.of())));
        }
        return docs;
    }
}
