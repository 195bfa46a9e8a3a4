package org.geneassoc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.geneassoc.job.JobCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code geneassoc run}: the GDA job on this machine, with a progress line on a terminal. Its flags are
 * the job's own ({@code run --help}), parsed by the job as on EMR, so both take exactly the same.
 */
@Command(name = "run", description = "The GDA job: find gene-disease associations and write one document per article (run --help for flags).")
public final class RunCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return JobCommand.execute(args.toArray(String[]::new), Progress::startIfTerminal);
    }
}
