package org.geneassoc.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An annotated corpus in {@code ../shared/data} that the vocabulary learns names from and that entity
 * recognition is scored on, with what it annotates: a corpus that annotates no genes cannot say a gene
 * name is wrong.
 *
 * <p>The lockbox: the last {@link #lockboxSize()} abstracts of each corpus, by PubMed ID across all of
 * them (BioRED shares abstracts with the others), are never learned from and are scored once, at the end.
 * Cross-validation folds are by PubMed ID too, so one abstract is never in two folds through two corpora.
 */
public record Corpus(String name, String file, boolean genes, boolean diseases, boolean genesOfTheirSpecies, int lockboxSize) {
    public static final List<Corpus> ALL = List.of(
            new Corpus("BioRED Train", "biored/Train.PubTator", true, true, true, 0),
            new Corpus("BioRED Dev", "biored/Dev.PubTator", true, true, true, 50),
            new Corpus("NLM-Gene", "corpora/nlm-gene-train.PubTator", true, false, true, 100),
            // GNormPlus gives a mouse gene its human ID: it cannot say which species a name names.
            new Corpus("GNormPlus", "corpora/gnormplus-train.PubTator", true, false, false, 100),
            new Corpus("NCBI Disease", "corpora/ncbi-disease-traindev.PubTator", false, true, false, 100),
            new Corpus("BC5CDR", "corpora/bc5cdr-traindev.PubTator", false, true, false, 100));

    /** A corpus' abstracts. */
    public record Annotated(Corpus corpus, List<PubTator.Document> documents) {
        /** The same corpus with only the abstracts whose PubMed ID passes {@code keep}. */
        public Annotated only(Predicate<String> keep) {
            return new Annotated(corpus, documents.stream().filter(d -> keep.test(d.pmid())).toList());
        }
    }

    public Annotated read(Path data) throws IOException {
        return new Annotated(this, PubTator.read(data.resolve(file)));
    }

    /** Every corpus of {@link #ALL}, whole. */
    public static List<Annotated> readAll(Path data) throws IOException {
        List<Annotated> out = new ArrayList<>();
        for (Corpus c : ALL) {
            out.add(c.read(data));
        }
        return out;
    }

    /** The PubMed IDs of the lockbox: each corpus' last {@link #lockboxSize()} abstracts. */
    public static Set<String> lockbox(List<Annotated> corpora) {
        Set<String> out = new TreeSet<>();
        for (Annotated a : corpora) {
            List<PubTator.Document> docs = a.documents();
            docs.subList(docs.size() - a.corpus().lockboxSize(), docs.size()).forEach(d -> out.add(d.pmid()));
        }
        return Collections.unmodifiableSet(out);
    }

    /** The cross-validation fold (0 to {@code folds - 1}) of an abstract, by its PubMed ID. */
    public static int fold(String pmid, int folds) {
        return Math.floorMod(Long.hashCode(Long.parseLong(pmid) * 0x9E3779B97F4A7C15L), folds);
    }
}
