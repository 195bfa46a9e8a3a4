package org.geneassoc.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.SparkSession;
import org.geneassoc.assets.VocabularyBuilder;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.Vocabulary;

/**
 * What entity recognition learns from the annotated corpora, in one place: the vocabulary's names and
 * false friends ({@link VocabularyBuilder}), then the species model on those names ({@link SpeciesTrainer}).
 * Shipping and cross-validation learn alike; only the abstracts they may learn from differ.
 */
public final class EntityModels {
    private EntityModels() {
    }

    /** The vocabulary and its species model, learnt only from the abstracts whose PubMed ID passes {@code learnFrom}. */
    public static SpeciesTrainer.Trained learn(SparkSession spark, Path data, Predicate<String> learnFrom) throws IOException {
        return trainSpecies(spark, data, VocabularyBuilder.learn(data, learnFrom), learnFrom);
    }

    /** The species model for these names, learnt only from the abstracts whose PubMed ID passes {@code learnFrom}. */
    public static SpeciesTrainer.Trained trainSpecies(SparkSession spark, Path data, Vocabulary names, Predicate<String> learnFrom) throws IOException {
        List<Corpus.Annotated> corpora = new ArrayList<>();
        List<PubTator.Document> species = new ArrayList<>(Corpus.SPECIES.read(data).only(learnFrom).documents());
        for (Corpus.Annotated a : Corpus.readAll(data)) {
            Corpus.Annotated kept = a.only(learnFrom);
            corpora.add(kept);
            if (a.corpus().name().startsWith("BioRED")) {
                species.addAll(kept.documents());
            }
        }
        return SpeciesTrainer.train(spark, names, corpora, species);
    }
}
