package org.geneassoc.classify;

import java.util.Arrays;
import java.util.List;

/**
 * What the relation model knows of a (gene, disease) pair of one article, in the order of its feature
 * vector. The job computes them from the article's mentions and the sentence head's scores of the
 * sentences that name both; a relation model lists the names it was trained on and is refused when
 * they differ from these.
 */
public enum PairFeature {
    CO_MENTIONED("some sentence names both"),
    BEST_SENTENCE_SCORE("highest sentence-head score of a sentence naming both (0 when none does)"),
    MEAN_SENTENCE_SCORE("mean sentence-head score of the sentences naming both"),
    CO_MENTION_SENTENCES("log(1 + sentences naming both)"),
    TITLE_GENE("the title names the gene"),
    TITLE_DISEASE("the title names the disease"),
    GENE_MENTIONS("log(1 + mentions of the gene)"),
    DISEASE_MENTIONS("log(1 + mentions of the disease)"),
    GENE_SHARE("the gene's share of all gene mentions"),
    DISEASE_SHARE("the disease's share of all disease mentions"),
    GENE_IS_TOP("no gene is mentioned more often"),
    DISEASE_IS_TOP("no disease is mentioned more often"),
    GENES("log(1 + distinct genes of the article)"),
    DISEASES("log(1 + distinct diseases of the article)"),
    SENTENCE_GAP("log(1 + fewest sentences between a gene and a disease mention)"),
    GENE_FIRST_SENTENCE("where the gene is first named, 0 (first sentence) to 1 (last)"),
    DISEASE_FIRST_SENTENCE("where the disease is first named, 0 to 1"),
    GENE_BEST_SCORE("highest sentence-head score of the gene with any disease"),
    DISEASE_BEST_SCORE("highest sentence-head score of the disease with any gene"),
    LAST_SENTENCE("the last sentence (the conclusion) names both"),
    UP_CUES("a sentence naming both says increased, higher, overexpressed, activated…"),
    DOWN_CUES("a sentence naming both says decreased, lower, loss, deficient, inhibited…"),
    VARIANT_CUES("a sentence naming both says mutation, variant, polymorphism, allele…"),
    GENE_SECOND_SPECIES("the gene is named only where the gene of another species is named first (a name meant in two species)");

    private final String description;

    PairFeature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The feature names in vector order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
