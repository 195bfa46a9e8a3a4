package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.geneassoc.assets.VocabularyBuilder;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.evaluation.DiseaseIds;
import org.geneassoc.evaluation.EntityEvaluation;
import org.geneassoc.evaluation.F1Interval;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.evaluation.SetScores;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.training.MentionTrainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc evaluate-entities}: gene and disease recognition against PubTator gold, with error
 * classes: on any PubTator files, by cross-validation over the annotated corpora, or on their lockbox.
 */
@Command(name = "evaluate-entities", mixinStandardHelpOptions = true,
        description = {"Score gene and disease IDs per abstract (title and abstract) against PubTator gold, genes also by",
                "species, and count the errors by cause with the most frequent examples. One report and one summary line",
                "per corpus: the --gold files, the cross-validation folds (--cross-validate) or the lockbox (--lockbox).",
                "Human+mouse+rat genes and diseases carry a 95% interval of F1: 1,000 resamples of the corpus's abstracts."})
public final class EvaluateEntitiesCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--gold", description = "PubTator file with gene and/or disease annotations (repeat for several corpora).")
        List<Path> gold;

        @Option(names = "--cross-validate", paramLabel = "K", description = {"K-fold cross-validation by PubMed ID over the annotated",
                "corpora outside the lockbox: each fold scored with a vocabulary learnt from the other folds."})
        Integer folds;

        @Option(names = "--lockbox", description = "Score the vocabulary on the lockbox abstracts of each annotated corpus (once, at the end).")
        boolean lockbox;
    }

    @Option(names = "--data", defaultValue = "../shared/data", description = {"Reference data folder, for --cross-validate and --lockbox, and",
            "whose " + DiseaseIds.XREFS + " reads an OMIM ID as the MeSH concept MEDIC merges it into (default: ${DEFAULT-VALUE})."})
    Path data;

    @Option(names = "--vocabulary", description = {"Vocabulary folder (default: the built models folder's). With --cross-validate,",
            "this one fixed vocabulary scores every fold instead of one learnt per fold (a baseline)."})
    Path vocabulary;

    @Option(names = "--without-mention-model", description = {"Keep every match of the vocabulary (the vocabulary of earlier sessions, a",
            "baseline) instead of the learnt mention model's; with --cross-validate, no model is learnt per fold."})
    boolean withoutMentionModel;

    @Option(names = "--disease-ids-as-written", description = {"Compare disease IDs exactly as written, without reading an OMIM ID as the",
            "MeSH concept MEDIC merges it into."})
    boolean diseaseIdsAsWritten;

    @Mixin
    SparkOptions env;

    @Option(names = "--gene-types", split = ",", paramLabel = "TYPE",
            description = "Annotation types that are genes (default: GeneOrGeneProduct,Gene).")
    Set<String> geneTypes = PubTator.EntityTypes.DEFAULT.genes();

    @Option(names = "--disease-types", split = ",", paramLabel = "TYPE",
            description = "Annotation types that are diseases (default: DiseaseOrPhenotypicFeature,Disease,SpecificDisease,DiseaseClass,Modifier,CompositeMention).")
    Set<String> diseaseTypes = PubTator.EntityTypes.DEFAULT.diseases();

    @Option(names = "--examples", defaultValue = "5", description = "Examples printed per error class (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() throws Exception {
        Map<String, EntityEvaluation> byCorpus = new LinkedHashMap<>();
        DiseaseIds diseaseIds = diseaseIdsAsWritten ? DiseaseIds.AS_WRITTEN : DiseaseIds.read(data);
        Path xrefs = data.resolve(DiseaseIds.XREFS);
        System.out.println("disease IDs: " + (diseaseIds.size() > 0 ? diseaseIds.size() + " OMIM IDs read as the MeSH concept MEDIC merges them into (" + xrefs + ")"
                : diseaseIdsAsWritten ? "compared as written" : "compared as written (no " + xrefs + ")"));
        if (what.gold != null) {
            Vocabulary v = read(vocabularyFolder());
            PubTator.EntityTypes types = new PubTator.EntityTypes(geneTypes, diseaseTypes);
            for (Path file : what.gold) {
                byCorpus.put(file.getFileName().toString(), new EntityEvaluation(v, PubTator.read(file, types), diseaseIds));
            }
        } else {
            List<Corpus.Annotated> corpora = Corpus.readAll(data);
            Set<String> lockbox = Corpus.lockbox(corpora);
            for (Corpus.Annotated a : corpora) {
                byCorpus.put(a.corpus().name(), new EntityEvaluation(a.corpus().genes(), a.corpus().diseases(), diseaseIds));
            }
            if (what.lockbox) {
                Vocabulary v = read(vocabularyFolder());
                for (Corpus.Annotated a : corpora) {
                    byCorpus.get(a.corpus().name()).add(v, a.only(lockbox::contains).documents());
                }
            } else {
                Vocabulary fixed = vocabulary != null ? read(vocabulary) : null;
                for (int f = 0; f < what.folds; f++) {
                    int fold = f;
                    long t0 = System.nanoTime();
                    Predicate<String> learnFrom = pmid -> !lockbox.contains(pmid) && Corpus.fold(pmid, what.folds) != fold;
                    Vocabulary v = fixed != null ? fixed : VocabularyBuilder.learn(data, corpora, learnFrom);
                    if (fixed == null && !withoutMentionModel) {
                        v = v.withMentionModel(MentionTrainer.learn(env.session("geneassoc-evaluate-entities"), data, corpora, learnFrom));
                    }
                    for (Corpus.Annotated a : corpora) {
                        byCorpus.get(a.corpus().name()).add(v, a.only(pmid -> !lockbox.contains(pmid) && Corpus.fold(pmid, what.folds) == fold).documents());
                    }
                    System.err.printf(Locale.ROOT, "fold %d of %d scored (%.0f s)%n", fold + 1, what.folds, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        List<String> summary = new ArrayList<>();
        summary.add(String.format(Locale.ROOT, "%-28s %-22s %-40s %s", "corpus", "genes F1 (P/R)", "human+mouse+rat F1 (P/R) [95% interval]",
                "diseases F1 (P/R) [95% interval]"));
        byCorpus.forEach((name, evaluation) -> {
            System.out.println("== " + name);
            evaluation.report(examples).forEach(System.out::println);
            summary.add(String.format(Locale.ROOT, "%-28s %-22s %-40s %s", name, cell(evaluation.geneScores()),
                    withInterval(evaluation.namedSpeciesGenesByAbstract()), withInterval(evaluation.diseasesByAbstract())));
        });
        System.out.println("== summary (IDs per abstract)");
        summary.forEach(System.out::println);
        return 0;
    }

    private Path vocabularyFolder() {
        return vocabulary != null ? vocabulary : ModelsFolder.built().localPath(ModelsFolder.VOCABULARY);
    }

    private Vocabulary read(Path folder) throws java.io.IOException {
        Vocabulary v = Vocabulary.read(folder);
        return withoutMentionModel ? v.withoutMentionModel() : v;
    }

    /** A corpus figure and its 95% interval, from one scoring of its abstracts; "-" where the kind is not scored. */
    private static String withInterval(Map<String, SetScores> byAbstract) {
        if (byAbstract == null) {
            return "-";
        }
        F1Interval i = F1Interval.of(byAbstract);
        return cell(SetScores.sum(byAbstract)) + String.format(Locale.ROOT, " [%.3f-%.3f]", i.low(), i.high());
    }

    private static String cell(SetScores s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.3f (%.3f/%.3f)", s.f1(), s.precision(), s.recall());
    }
}
