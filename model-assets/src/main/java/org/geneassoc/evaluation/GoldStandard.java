package org.geneassoc.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * BioRED gold as sets per pmid: gene IDs and disease IDs mentioned in the abstract (the text the job
 * reads; titles are not searched), the (Entrez, disease ID) pairs BioRED relates in the article and, per
 * pmid, each related pair's relation type.
 */
public record GoldStandard(Map<String, Set<String>> genes, Map<String, Set<String>> diseases, Map<String, Set<String>> pairs,
                           Map<String, Map<String, String>> types) {

    public static GoldStandard read(Path pubtator) throws IOException {
        return of(PubTator.read(pubtator));
    }

    /** The gold standard of documents already read (several files' together). */
    public static GoldStandard of(List<PubTator.Document> documents) {
        Map<String, Set<String>> genes = new HashMap<>();
        Map<String, Set<String>> diseases = new HashMap<>();
        Map<String, Set<String>> pairs = new HashMap<>();
        Map<String, Map<String, String>> types = new HashMap<>();
        for (PubTator.Document d : documents) {
            int abstractStart = d.title() == null ? 0 : d.title().length() + 1;
            Set<String> g = new TreeSet<>();
            Set<String> dz = new TreeSet<>();
            for (PubTator.Mention m : d.mentions()) {
                if (m.start() >= abstractStart && (m.isGene() || m.isDisease())) {
                    (m.isGene() ? g : dz).addAll(m.ids());
                }
            }
            genes.put(d.pmid(), g);
            diseases.put(d.pmid(), dz);
            Set<String> p = new TreeSet<>();
            Map<String, String> t = new HashMap<>();
            d.geneDiseaseRelations().forEach((pair, type) -> {
                p.add(pair(pair.get(0), pair.get(1)));
                t.put(pair(pair.get(0), pair.get(1)), type);
            });
            pairs.put(d.pmid(), p);
            types.put(d.pmid(), t);
        }
        return new GoldStandard(genes, diseases, pairs, types);
    }

    /** Every (gene, disease) pair of each document, as {@link #pair} spells them. */
    public static Map<String, Set<String>> everyPair(Map<String, Set<String>> genes, Map<String, Set<String>> diseases) {
        Map<String, Set<String>> out = new HashMap<>();
        genes.forEach((doc, geneIds) -> {
            for (String d : diseases.getOrDefault(doc, Set.of())) {
                for (String g : geneIds) {
                    out.computeIfAbsent(doc, k -> new TreeSet<>()).add(pair(g, d));
                }
            }
        });
        return out;
    }

    public static String pair(String geneId, String diseaseId) {
        return geneId + "|" + diseaseId;
    }
}
