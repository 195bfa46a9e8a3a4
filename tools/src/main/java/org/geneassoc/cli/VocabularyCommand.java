package org.geneassoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.geneassoc.assets.DiseaseVariants;
import org.geneassoc.assets.VocabularyBuilder;
import org.geneassoc.ner.MentionModel;
import org.geneassoc.training.MentionTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code geneassoc vocabulary}: compiles the gene and disease vocabulary the project ships from the
 * reference data, into the committed folder the model build copies into every models folder.
 */
@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = {"Compile the gene and disease vocabulary (terms.tsv.gz, vocabulary.json) from the reference data and learn",
                "which of its matches are entities (mentions.json)."})
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
        if (!without.isEmpty() || !withoutVariants.isEmpty()) {
            // The mention model learns from the full vocabulary's matches; beside another vocabulary it would judge names it never saw.
            Files.deleteIfExists(out.resolve(MentionModel.FILE));
            System.out.println("no mention model: it is learnt only with every filter and variant rule on");
            return 0;
        }
        MentionModel model = MentionTrainer.learnOutsideLockbox(env.session("geneassoc-vocabulary"), data);
        model.write(out);
        System.out.printf("mention model (%s) written to %s%n", model.about(), out.resolve(MentionModel.FILE));
        return 0;
    }
}
