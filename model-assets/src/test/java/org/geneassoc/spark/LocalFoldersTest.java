package org.geneassoc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model folders copied from S3 to an executor's disk go when its JVM exits, the encoder copied beside them too. */
class LocalFoldersTest {

    /** A JVM that copies as {@code ClassifierModel} does: the classifier into a temporary folder, then the encoder beside it. */
    public static final class Copier {
        public static void main(String[] args) throws Exception {
            Path temp = Files.createDirectories(Path.of(args[0]));
            Files.writeString(Files.createDirectories(temp.resolve("gda-classifier")).resolve("model.json"), "{}");
            LocalFolders.deleteOnExit(temp);
            Files.writeString(Files.createDirectories(temp.resolve("encoder/assets")).resolve("vocab.txt"), "[PAD]");
            LocalFolders.deleteOnExit(temp.resolve("encoder"));
        }
    }

    @Test
    void aCopiedFolderAndTheEncoderBesideItAreGoneWhenTheJvmExits(@TempDir Path dir) throws Exception {
        Path temp = dir.resolve("geneassoc-model1");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Copier.class.getName(), temp.toString())).inheritIO().start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(dir.resolve("geneassoc-model1")).doesNotExist();
    }
}
