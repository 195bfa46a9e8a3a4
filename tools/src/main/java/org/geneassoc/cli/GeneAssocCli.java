package org.geneassoc.cli;

import java.util.concurrent.ExecutionException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/geneassoc}: the job and the developer commands under one name. */
@Command(name = "geneassoc", mixinStandardHelpOptions = true, version = "geneassoc 0.1.0",
        description = "Gene-disease associations from the biomedical literature, on Spark.",
        subcommands = {RunCommand.class, EvaluatePairsCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class,
                ExperimentsCommand.class, VocabularyCommand.class})
public final class GeneAssocCli {
    private GeneAssocCli() {
    }

    public static void main(String[] args) {
        int code = execute(args);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs a command; failures end in one clear line on stderr (the stack trace with GENEASSOC_DEBUG=1). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new GeneAssocCli());
        // `run` hands every argument to the job's own parser.
        cli.getSubcommands().get("run").setStopAtUnmatched(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && (root.getMessage() == null || root instanceof ExecutionException)) {
                root = root.getCause();
            }
            cmd.getErr().println("error: " + (root.getMessage() == null ? root.toString() : root.getMessage()));
            if (System.getenv("GENEASSOC_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
