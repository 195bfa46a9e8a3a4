package org.geneassoc.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an XXE file: an external entity pointing at a local "secret" that must never reach any output. */
public final class HostileXml {
    private HostileXml() {
    }

    /** The secret lies outside {@code dir}, so only the entity could bring it into the input. */
    public static Path xxe(Path dir, String secret) throws IOException {
        Path target = Files.createTempFile("geneassoc-secret", ".txt");
        target.toFile().deleteOnExit();
        Files.writeString(target, secret);
        Path file = dir.resolve("xxe.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE responseWrapper [ <!ENTITY xxe SYSTEM \"" + target.toUri()
                + "\"> ]>\n<responseWrapper><resultList><result><pmid>91000040</pmid><title>t</title>"
                + "<abstractText>BRCA1 and breast cancer: &xxe;</abstractText></result></resultList></responseWrapper>\n");
        return file;
    }
}
