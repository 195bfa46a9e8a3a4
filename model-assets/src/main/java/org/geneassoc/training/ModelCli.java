package org.geneassoc.training;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The model commands on their own, for running model-assets without the job. */
@Command(name = "geneassoc-models", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.class, EvaluateCommand.class, ExperimentsCommand.class})
public final class ModelCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new ModelCli()).execute(args));
    }
}
