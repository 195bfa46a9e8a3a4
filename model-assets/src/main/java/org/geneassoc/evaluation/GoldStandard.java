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
 * reads; titles are not searched), and the (Entrez, disease ID) pairs BioRED relates in the article.
 */
public record GoldStandard(Map<String, Set<String>> genes, Map<String, Set<String>> diseases, Map<String, Set<String>> pairs) {

    public static GoldStandard read(Path pubtator) throws IOException {
        Map<String, Set<String>> genes = new HashMap<>();
        Map<String, Set<String>> diseases = new HashMap<>();
        Map<String, Set<String>> pairs = new HashMap<>();
        for (PubTator.Document d : PubTator.read(pubtator)) {
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
            for (List<String> pair : d.geneDiseasePairs()) {
                p.add(pair(pair.get(0), pair.get(1)));
            }
            pairs.put(d.pmid(), p);
        }
        return new GoldStandard(genes, diseases, pairs);
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
