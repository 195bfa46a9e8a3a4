package org.geneassoc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data in {@code ../shared/data} (GAD, BioRED, Europe PMC and PubMed records). Tests that
 * need it are skipped, with a message saying so, where it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        String env = System.getenv("GENEASSOC_SHARED_DATA");
        return env != null ? Path.of(env) : Path.of("..", "..", "shared", "data");
    }

    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        assumeTrue(Files.exists(p), () -> "skipped: reference data " + p.toAbsolutePath().normalize()
                + " is absent (this test reads ../shared/data)");
        return p;
    }

    /** The models folder the build assembled (model-assets/target/models). */
    public static String models() {
        String p = System.getProperty("geneassoc.models");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "encoder")), "skipped: built models folder absent; run mvn package");
        return p;
    }
}
