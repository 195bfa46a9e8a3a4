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
 * Reads PubTator files (BioRED, NLM-Gene, GNormPlus, NCBI Disease, BC5CDR): {@code pmid|t|title},
 * {@code pmid|a|abstract}, entity lines {@code pmid start end text type ids} with offsets into
 * "title abstract", and relation lines {@code pmid type id1 id2 novelty}. A mention's IDs are split at
 * {@code , ; | +} (composite mentions, one gene in several species); {@code -} and {@code -1} mean none.
 */
public final class PubTator {
    private PubTator() {
    }

    /** Which annotation types count as genes and which as diseases: each corpus names them its own way. */
    public record EntityTypes(Set<String> genes, Set<String> diseases) {
        /**
         * BioRED's, NLM-Gene's and GNormPlus' genes ({@code FamilyName} and {@code DomainMotif} are not one
         * gene); BioRED's, BC5CDR's and every NCBI Disease type of disease mention.
         */
        public static final EntityTypes DEFAULT = new EntityTypes(Set.of("GeneOrGeneProduct", "Gene"),
                Set.of("DiseaseOrPhenotypicFeature", "Disease", "SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention"));

        public EntityTypes {
            genes = Set.copyOf(genes);
            diseases = Set.copyOf(diseases);
        }

        public Kind kind(String type) {
            return genes.contains(type) ? Kind.GENE : diseases.contains(type) ? Kind.DISEASE : Kind.OTHER;
        }
    }

    /** What a mention counts as, by its corpus' {@link EntityTypes}. */
    public enum Kind { GENE, DISEASE, OTHER }

    public record Mention(int start, int end, String text, String type, Kind kind, List<String> ids) {
        public boolean isGene() {
            return kind == Kind.GENE;
        }

        public boolean isDisease() {
            return kind == Kind.DISEASE;
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

    /** Reads a PubTator file with the {@link EntityTypes#DEFAULT} types. */
    public static List<Document> read(Path file) throws IOException {
        return read(file, EntityTypes.DEFAULT);
    }

    public static List<Document> read(Path file, EntityTypes types) throws IOException {
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
                    for (String id : c[5].split("[,;|+]")) {
                        if (!id.isBlank() && !id.equals("-") && !id.equals("-1")) {
                            ids.add(id.strip());
                        }
                    }
                    mentions.computeIfAbsent(c[0], k -> new ArrayList<>())
                            .add(new Mention(Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4], types.kind(c[4]), List.copyOf(ids)));
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
