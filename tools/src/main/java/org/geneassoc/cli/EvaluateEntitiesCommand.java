package org.geneassoc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.geneassoc.evaluation.EntityEvaluation;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.models.ModelsFolder;
import org.geneassoc.ner.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code geneassoc evaluate-entities}: gene and disease recognition against PubTator gold, with error classes. */
@Command(name = "evaluate-entities", mixinStandardHelpOptions = true,
        description = {"Score gene and disease IDs per abstract against PubTator gold (BioRED), genes also by species,",
                "and count the errors by cause with the most frequent examples."})
public final class EvaluateEntitiesCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, description = "PubTator file with gene and disease annotations (BioRED).")
    Path gold;

    @Option(names = "--vocabulary", description = "Vocabulary folder (default: the built models folder's).")
    Path vocabulary;

    @Option(names = "--examples", defaultValue = "5", description = "Examples printed per error class (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() throws Exception {
        Path folder = vocabulary != null ? vocabulary : ModelsFolder.built().localPath(ModelsFolder.VOCABULARY);
        new EntityEvaluation(Vocabulary.read(folder), PubTator.read(gold)).report(examples).forEach(System.out::println);
        return 0;
    }
}
