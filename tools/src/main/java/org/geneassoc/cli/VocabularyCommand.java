package org.geneassoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.geneassoc.assets.DiseaseVariants;
import org.geneassoc.assets.VocabularyBuilder;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.ner.SpeciesModel;
import org.geneassoc.ner.Vocabulary;
import org.geneassoc.training.SpeciesTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc vocabulary}: compiles the gene and disease vocabulary the project ships from the
 * reference data, into the committed folder the model build copies into every models folder.
 */
@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = "Compile the gene and disease vocabulary (terms.tsv.gz, vocabulary.json) and learn the species model (species.json) from the reference data.")
public final class VocabularyCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data", description = "Reference data folder with vocab/ and biored/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "model-assets/src/main/models/vocabulary",
            description = "Output folder; the committed one by default, next to its NOTICE (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SparkOptions env;

    @Option(names = "--without", split = ",", paramLabel = "FILTER",
            description = "Leave out these filters, to measure what each does (${COMPLETION-CANDIDATES}).")
    Set<VocabularyBuilder.Filter> without = EnumSet.noneOf(VocabularyBuilder.Filter.class);

    @Option(names = "--without-variants", split = ",", paramLabel = "RULE",
            description = "Leave out these disease name variant rules, to measure what each adds (${COMPLETION-CANDIDATES}).")
    Set<DiseaseVariants.Rule> withoutVariants = EnumSet.noneOf(DiseaseVariants.Rule.class);

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report = VocabularyBuilder.compile(data, Files.createDirectories(out),
                EnumSet.complementOf(without.isEmpty() ? EnumSet.noneOf(VocabularyBuilder.Filter.class) : EnumSet.copyOf(without)),
                EnumSet.complementOf(withoutVariants.isEmpty() ? EnumSet.noneOf(DiseaseVariants.Rule.class) : EnumSet.copyOf(withoutVariants)));
        System.out.printf("%s gene and %s disease names written to %s%n", report.get("geneTerms"), report.get("diseaseTerms"), out);
        List<Corpus.Annotated> corpora = Corpus.readAll(data);
        Set<String> lockbox = Corpus.lockbox(corpora);
        SpeciesModel species = SpeciesTrainer.learn(env.session("geneassoc-vocabulary"), corpora, pmid -> !lockbox.contains(pmid),
                Vocabulary.read(out));
        species.write(out);
        System.out.printf("species model (%d words, L2 %s, abstracts %s) written to %s%n", species.words().size(),
                species.about().get("regParam"), species.about().get("abstractsBySpecies"), out.resolve(SpeciesModel.FILE));
        return 0;
    }
}
