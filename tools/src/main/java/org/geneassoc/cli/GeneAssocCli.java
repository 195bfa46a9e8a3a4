package org.geneassoc.cli;

import org.geneassoc.job.JobCommand;
import org.geneassoc.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/geneassoc}: the job and the developer commands under one name. */
@Command(name = "geneassoc", mixinStandardHelpOptions = true, version = "geneassoc 0.1.0",
        description = "Gene-disease associations from the biomedical literature, on Spark.",
        subcommands = {RunCommand.class, EvaluatePairsCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class,
                ExperimentsCommand.class, TrainRelationsCommand.class, SentenceHeadCommand.class, VocabularyCommand.class, EvaluateEntitiesCommand.class, FetchCommand.class,
                ReportCommand.class})
public final class GeneAssocCli {
    private GeneAssocCli() {
    }

    public static void main(String[] args) {
        int code = execute(args);
        Sessions.stopActive();
        System.exit(code);
    }

    /** Runs a command; failures end in one clear line on stderr (the stack trace with GENEASSOC_DEBUG=1). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new GeneAssocCli());
        // `run` hands every argument to the job's own parser.
        cli.getSubcommands().get("run").setStopAtUnmatched(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            JobCommand.reportFailure(e, cmd.getErr());
            return JobCommand.FAILED;
        });
        return cli.execute(args);
    }
}
