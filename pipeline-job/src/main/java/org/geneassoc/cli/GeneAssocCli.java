package org.geneassoc.cli;

import org.geneassoc.training.EvaluateCommand;
import org.geneassoc.training.ExperimentsCommand;
import org.geneassoc.training.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/geneassoc}: the job and the model commands under one name. */
@Command(name = "geneassoc", mixinStandardHelpOptions = true, version = "geneassoc 0.1.0",
        description = "Gene-disease associations from the biomedical literature, on Spark.",
        subcommands = {RunCommand.class, EvaluatePairsCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class,
                ExperimentsCommand.class})
public final class GeneAssocCli {
    private GeneAssocCli() {
    }

    /** Stops Spark before exiting, so event logs and history are complete on EMR too. */
    public static void main(String[] args) {
        int code = execute(args);
        scala.Option<org.apache.spark.sql.SparkSession> active = org.apache.spark.sql.SparkSession.getActiveSession();
        if (active.isDefined()) {
            active.get().stop();
        }
        System.exit(code);
    }

    /** Runs a command; failures end in one clear line on stderr (the stack trace with GENEASSOC_DEBUG=1). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new GeneAssocCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && (root.getMessage() == null || root instanceof java.util.concurrent.ExecutionException)) {
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
