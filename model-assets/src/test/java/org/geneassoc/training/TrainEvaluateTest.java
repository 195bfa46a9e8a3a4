package org.geneassoc.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geneassoc.classify.BinaryMetrics;
import org.geneassoc.classify.LabelledSentences;
import org.geneassoc.testing.SharedData;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainEvaluateTest {

    /** The first {@code n} lines of a GAD file (its header kept), to train in seconds. */
    private static Path slice(Path from, Path to, int n) throws Exception {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        Files.write(to, lines.subList(0, Math.min(n, lines.size())), StandardCharsets.UTF_8);
        return to;
    }

    private static String run(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ModelCli()).execute(args);
            assertThat(code).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainsDeterministicallyAndBeatsTheMajorityBaseline(@TempDir Path dir) throws Exception {
        SharedSpark.get();
        String models = SharedData.models();
        Path train = slice(SharedData.require("gad/2/train.tsv"), dir.resolve("train.tsv"), 700);
        Path test = slice(SharedData.require("gad/2/test.tsv"), dir.resolve("test.tsv"), 301);
        String encoder = Path.of(models, "encoder").toString();

        run("train", "--train", train.toString(), "--out", dir.resolve("m1").toString(), "--encoder", encoder, "--master", "local[2]");
        run("train", "--train", train.toString(), "--out", dir.resolve("m2").toString(), "--encoder", encoder, "--master", "local[2]");
        for (String head : List.of("head-marked.json", "head-plain.json")) {
            assertThat(Files.readString(dir.resolve("m1").resolve(head)))
                    .as("%s is the same for the same seed and data", head)
                    .isEqualTo(Files.readString(dir.resolve("m2").resolve(head)));
        }

        String out = run("evaluate", "--model", dir.resolve("m1").toString(), "--data", test.toString(), "--master", "local[2]");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("MCC=");
        assertThat(lines.get(lines.size() - 1)).startsWith("F1=");
        double f1 = Double.parseDouble(lines.get(lines.size() - 1).substring(3));

        BinaryMetrics counts = EvaluateCommand.evaluate(SharedSpark.get(), dir.resolve("m1").toString(),
                LabelledSentences.read(SharedSpark.get(), test));
        assertThat(f1).isEqualTo(BinaryMetrics.round(counts.f1()), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(f1).as("F1 above always answering positive").isGreaterThan(counts.alwaysPositiveF1());
        assertThat(counts.mcc()).isGreaterThan(0.1);
    }

    @Test
    void badLabelIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "a sentence\t1\nanother one\tyes\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelledSentences.readRows(bad))
                .hasMessageContaining(bad + ":2").hasMessageContaining("'yes'");
    }
}
