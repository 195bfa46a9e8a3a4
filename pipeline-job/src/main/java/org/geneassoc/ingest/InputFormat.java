package org.geneassoc.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/** The article formats the job reads; each knows how to parse a stream of its kind. */
public enum InputFormat {
    AUTO("auto") {
        @Override
        int parse(InputStream in, String file, Consumer<Article> out) {
            throw new IllegalStateException("AUTO is resolved per file by detect()");
        }
    },
    EUROPEPMC_XML("europepmc-xml") {
        @Override
        int parse(InputStream in, String file, Consumer<Article> out) throws Exception {
            return EuropePmcXml.parse(in, file, out);
        }
    },
    EUROPEPMC_JSON("europepmc-json") {
        @Override
        int parse(InputStream in, String file, Consumer<Article> out) throws Exception {
            return EuropePmcJson.parse(in, file, out);
        }
    },
    PUBMED_XML("pubmed-xml") {
        @Override
        int parse(InputStream in, String file, Consumer<Article> out) throws Exception {
            return PubmedXml.parse(in, file, out);
        }
    };

    private final String flag;

    InputFormat(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** Parses records, handing each on as it is read; returns how many were read. */
    abstract int parse(InputStream in, String file, Consumer<Article> out) throws Exception;

    public static InputFormat fromFlag(String value) {
        for (InputFormat f : values()) {
            if (f.flag.equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be auto, europepmc-xml, europepmc-json or pubmed-xml");
    }

    /** Decides the format from the first bytes of a (decompressed) file. */
    static InputFormat detect(byte[] head, String file) throws IOException {
        String s = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (s.startsWith("{")) {
            return EUROPEPMC_JSON;
        }
        if (s.startsWith("<")) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.contains("<pubmedarticleset") || lower.contains("<pubmedarticle>") || lower.contains("<!doctype pubmedarticleset")) {
                return PUBMED_XML;
            }
            if (lower.contains("<responsewrapper") || lower.contains("<resultlist")) {
                return EUROPEPMC_XML;
            }
        }
        throw new IOException("cannot tell the format of " + file
                + " (not Europe PMC XML/JSON or PubMed XML in its first " + head.length + " bytes); pass --format");
    }
}
