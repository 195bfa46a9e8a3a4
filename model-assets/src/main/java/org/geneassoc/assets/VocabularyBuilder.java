package org.geneassoc.assets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.geneassoc.evaluation.Corpus;
import org.geneassoc.evaluation.DiseaseIds;
import org.geneassoc.evaluation.PubTator;
import org.geneassoc.ner.Concept;
import org.geneassoc.ner.EntityMatcher;
import org.geneassoc.ner.Mention;
import org.geneassoc.ner.Species;
import org.geneassoc.ner.TermKey;
import org.geneassoc.ner.Vocabulary;

/**
 * Build step: the gene and disease vocabulary from the reference data in {@code ../shared/data/vocab}
 * and the mention → ID pairs annotated in the {@link Corpus#ALL annotated corpora} (BioRED Train and Dev,
 * NLM-Gene, GNormPlus, NCBI Disease, BC5CDR), their lockbox abstracts left out.
 * <p>Genes, per species (human, mouse, rat): NCBI Gene symbols, synonyms and full names, HGNC aliases and
 * IDs for human genes, and NCBI's one-to-one orthologs, which give each mouse and rat gene its human
 * counterpart and let a human name find the rodent gene in a text about mice or rats.
 * <p>Diseases: the names and synonyms of the disease vocabulary (CTD MEDIC with Disease Ontology and
 * Mondo synonyms), as MeSH or OMIM IDs the way BioRED writes them, after the {@link Filter}s.
 * <p>Names that the corpora show to be mostly something else go: a name found at least
 * {@value #MIN_SEEN} times in the corpora that annotate its kind (genes or diseases) with precision under
 * {@value #GENE_MIN_PRECISION} (gene names) or {@value #DISEASE_MIN_PRECISION} (disease names and concepts), each chosen by
 * 5-fold cross-validation over the corpora (model-assets/EVALUATION.md).
 */
public final class VocabularyBuilder {
    /** The build report written beside the terms. */
    public static final String REPORT = "vocabulary.json";
    static final int MIN_SEEN = 3;
    static final double GENE_MIN_PRECISION = 0.5;
    static final double DISEASE_MIN_PRECISION = 0.35;
    /** Disease synonyms of at most this many letters and digits, in capitals, are abbreviations. */
    static final int ABBREVIATION_LENGTH = 6;
    /** BioRED Train's disease abbreviations of at most this many letters and digits are kept only if used undefined. */
    static final int TRAIN_ABBREVIATION_LENGTH = 3;

    /** What the build leaves out of the disease names, each measurable by switching it off. */
    public enum Filter {
        /** Gene names that are the stem of several genes' symbols ("MMP" for MMP1, MMP2, …; "Smad"): a family, not one gene. */
        GENE_FAMILY_NAMES,
        /** OMIM titles that join several entries ("…, INCLUDED") or name a risk, not a disease ("…, SUSCEPTIBILITY TO"). */
        OMIM_COMPOUND_TITLES,
        /** Synonyms that are short abbreviations ("AD", "NIDDM"): they name many things; a text that defines one still finds it. */
        SHORT_ABBREVIATIONS,
        /** Names that several concepts share, unless exactly one of them has it as its preferred name. */
        SHARED_NAMES,
        /** Names the annotated corpora show to be mostly something else (see the class comment). */
        FALSE_FRIENDS,
        /**
         * Genes of a second mitochondrial genome filed under the species (an archaic human's, another mouse strain's) that
         * repeat a mitochondrial gene under its bare name: as a symbol, "COX2" would otherwise name that record, not
         * MT-CO2 or PTGS2, in every abstract that writes "COX-2".
         */
        MITOCHONDRIAL_DUPLICATES
    }

    /**
     * The source of a short gene synonym ({@link #isShortWord}). Such names were once left out; the mention model now
     * judges each match of one where it stands, and its own source lets it weigh them apart from longer synonyms.
     */
    static final String SHORT_SYNONYM = "NCBI Gene short synonym";
    /** The source of a human gene's HGNC alias or previous name that NCBI Gene does not list; the mention model weighs it apart. */
    static final String HGNC_ALIAS = "HGNC alias";
    /** A microRNA gene symbol (MIR21, Mir21a, Mir125b-1) and the name texts use after "miR-"/"miRNA-". */
    private static final java.util.regex.Pattern MICRO_RNA = java.util.regex.Pattern.compile("(?i)mir(\\d+[a-z]?(?:-\\d+)?)");
    private static final List<String> SOURCES = List.of("vocab/ncbi-human-genes.tsv", "vocab/ncbi-mouse-genes.tsv", "vocab/ncbi-rat-genes.tsv",
            "vocab/ncbi-human-genes-all-types.tsv.gz", "vocab/ncbi-mouse-genes-all-types.tsv.gz", "vocab/ncbi-rat-genes-all-types.tsv.gz",
            "vocab/hgnc.tsv", "vocab/ncbi-orthologs-human-mouse-rat.tsv", "vocab/disease-vocabulary.tsv", "vocab/disease-term-sources.tsv.gz",
            DiseaseIds.XREFS);

    private final Set<Filter> filters;
    private final Set<DiseaseVariants.Rule> variantRules;
    private final Map<Species, Map<String, Vocabulary.Term>> genes = new EnumMap<>(Species.class);
    private final Map<Species, Map<String, String>> symbols = new EnumMap<>(Species.class);
    private final Map<String, String> hgncIds = new HashMap<>();
    /** Entrez ID of a human gene → its HGNC alias and previous symbols and names ("survivin" for BIRC5). */
    private final Map<String, Set<String>> hgncAliases = new HashMap<>();
    /** Entrez ID of a gene → Entrez IDs of its one-to-one orthologs, by species. */
    private final Map<String, Map<Species, String>> orthologs = new HashMap<>();
    private final Map<String, Concept> geneConcepts = new HashMap<>();
    private final Map<String, Vocabulary.Term> diseases = new HashMap<>();
    private final Map<String, String> diseaseNames = new HashMap<>();
    private final Map<String, Object> report = new LinkedHashMap<>();

    private VocabularyBuilder(Set<Filter> filters, Set<DiseaseVariants.Rule> variantRules) {
        this.filters = filters;
        this.variantRules = variantRules;
        for (Species s : Species.values()) {
            genes.put(s, new HashMap<>());
            symbols.put(s, new HashMap<>());
        }
    }

    /** Compiles the vocabulary with every filter and variant rule on; see {@link #compile(Path, Path, Set, Set)}. */
    public static Map<String, Object> compile(Path data, Path out) throws IOException {
        return compile(data, out, EnumSet.allOf(Filter.class), DiseaseVariants.all());
    }

    /**
     * Compiles the vocabulary from the reference data folder into {@code out} (terms.tsv.gz and a
     * vocabulary.json report), learning from every annotated abstract outside the lockbox;
     * {@code bin/geneassoc vocabulary} runs it. Returns the report.
     *
     * @param variantRules the {@link DiseaseVariants.Rule}s whose disease name variants are added
     */
    public static Map<String, Object> compile(Path data, Path out, Set<Filter> filters, Set<DiseaseVariants.Rule> variantRules) throws IOException {
        List<Corpus.Annotated> corpora = Corpus.readAll(data);
        Set<String> lockbox = Corpus.lockbox(corpora);
        VocabularyBuilder b = builder(data, filters, variantRules);
        Vocabulary v = b.build(data, corpora, pmid -> !lockbox.contains(pmid));
        v.write(out);
        b.report.put("filters", new TreeSet<>(b.filters.stream().map(Enum::name).toList()));
        b.report.put("diseaseVariantRules", new TreeSet<>(b.variantRules.stream().map(Enum::name).toList()));
        b.report.put("geneTerms", v.geneTerms());
        b.report.put("diseaseTerms", v.diseaseTerms());
        Files.writeString(out.resolve(REPORT), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(b.report) + "\n");
        return b.report;
    }

    /**
     * The vocabulary with every filter and variant rule on, learning names only from the abstracts of
     * {@code corpora} (as {@link Corpus#readAll} reads them) whose PubMed ID passes {@code learnFrom}: what
     * cross-validation builds once per fold.
     */
    public static Vocabulary learn(Path data, List<Corpus.Annotated> corpora, Predicate<String> learnFrom) throws IOException {
        return builder(data, EnumSet.allOf(Filter.class), DiseaseVariants.all()).build(data, corpora, learnFrom);
    }

    private static VocabularyBuilder builder(Path data, Set<Filter> filters, Set<DiseaseVariants.Rule> variantRules) throws IOException {
        for (String source : SOURCES) {
            if (!Files.isRegularFile(data.resolve(source))) {
                throw new IOException("Vocabulary source " + data.resolve(source) + " does not exist");
            }
        }
        return new VocabularyBuilder(filters.isEmpty() ? EnumSet.noneOf(Filter.class) : EnumSet.copyOf(filters),
                variantRules.isEmpty() ? EnumSet.noneOf(DiseaseVariants.Rule.class) : EnumSet.copyOf(variantRules));
    }

    private Vocabulary build(Path data, List<Corpus.Annotated> all, Predicate<String> learnFrom) throws IOException {
        readHgnc(data.resolve("vocab/hgnc.tsv"));
        readOrthologs(data.resolve("vocab/ncbi-orthologs-human-mouse-rat.tsv"));
        for (Species s : Species.values()) {
            String species = s.name().toLowerCase(java.util.Locale.ROOT);
            readNcbiGenes(s, data.resolve("vocab/ncbi-" + species + "-genes.tsv"), data.resolve("vocab/ncbi-" + species + "-genes-all-types.tsv.gz"));
        }
        readDiseases(data.resolve("vocab/disease-vocabulary.tsv"), data.resolve("vocab/disease-term-sources.tsv.gz"));
        List<Corpus.Annotated> corpora = new ArrayList<>();
        Map<String, Integer> learnedFrom = new LinkedHashMap<>();
        for (Corpus.Annotated c : all) {
            Corpus.Annotated a = c.only(learnFrom);
            corpora.add(a);
            learnedFrom.put(c.corpus().file(), a.documents().size());
        }
        addAnnotatedNames(corpora, DiseaseIds.read(data));
        addOrthologNames();
        if (filters.contains(Filter.FALSE_FRIENDS)) {
            dropFalseFriends(corpora);
        }
        report.put("sources", SOURCES);
        report.put("annotatedAbstractsLearnedFrom", learnedFrom);
        return vocabulary();
    }

    private Vocabulary vocabulary() {
        Map<String, Vocabulary.GeneTerms> byKey = new HashMap<>();
        for (Species s : Species.values()) {
            genes.get(s).forEach((key, term) -> byKey.computeIfAbsent(key, k -> new Vocabulary.GeneTerms(new Vocabulary.Term[Species.values().length]))
                    .bySpecies()[s.ordinal()] = term);
        }
        return new Vocabulary(byKey, diseases);
    }

    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = file.toString().endsWith(".gz")
                ? new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] c = line.split("\t", -1);
                if (c.length < columns) {
                    throw new IOException(file + ":" + n + ": expected " + columns + " columns, got " + c.length);
                }
                out.add(c);
            }
        }
        return out;
    }

    private void readHgnc(Path file) throws IOException {
        for (String[] c : rows(file, 6)) {
            if (!c[1].isBlank() && !c[2].isBlank()) {
                hgncIds.putIfAbsent(c[1].strip(), c[2].strip());
                for (String alias : List.of(c[4].strip(), c[5].strip())) {
                    if (!alias.isEmpty()) {
                        hgncAliases.computeIfAbsent(c[1].strip(), k -> new TreeSet<>()).add(alias);
                    }
                }
            }
        }
        report.put("hgncIds", hgncIds.size());
    }

    private void readOrthologs(Path file) throws IOException {
        int pairs = 0;
        for (String[] c : rows(file, 6)) {
            Map<Species, String> group = new EnumMap<>(Species.class);
            for (Species s : Species.values()) {
                String id = c[2 * s.ordinal()].strip();
                if (!id.isEmpty()) {
                    group.put(s, id);
                }
            }
            for (String id : group.values()) {
                orthologs.put(id, group);
            }
            pairs += group.size() - 1;
        }
        report.put("orthologLinks", pairs);
    }

    /** A gene's concept: for mouse and rat genes with the human one-to-one ortholog's ID and symbol. */
    private Concept gene(Species s, String id) {
        return geneConcepts.computeIfAbsent(id, k -> {
            String human = s == Species.HUMAN ? null : orthologs.getOrDefault(id, Map.of()).get(Species.HUMAN);
            return Concept.gene(id, symbols.get(s).get(id), s, s == Species.HUMAN ? hgncIds.get(id) : null,
                    human, human == null ? null : symbols.get(Species.HUMAN).get(human));
        });
    }

    /**
     * Symbols first; then synonyms and full names that name one gene of the species only (a name two
     * genes share says neither). HGNC's alias and previous symbols join the human synonyms.
     */
    private void readNcbiGenes(Species s, Path proteinCoding, Path allTypes) throws IOException {
        List<String[]> rows = rows(proteinCoding, 4);
        int coding = rows.size();
        // Non-coding RNA genes (miR-21, MEG3, PVT1) are genes in BioRED too; pseudogenes and the rest are not named in abstracts.
        rows.addAll(rows(allTypes, 5).stream().filter(c -> c[4].equals("ncRNA")).toList());
        int read = rows.size();
        if (filters.contains(Filter.MITOCHONDRIAL_DUPLICATES)) {
            rows = withoutMitochondrialDuplicates(rows);
        }
        Map<String, Vocabulary.Term> terms = genes.get(s);
        for (String[] c : rows) {
            symbols.get(s).put(c[0], c[1]);
        }
        for (String[] c : rows) {
            if (TermKey.shape(c[1]).length() >= 2 && hasLetter(c[1])) {
                terms.putIfAbsent(TermKey.gene(c[1]), new Vocabulary.Term(c[1], gene(s, c[0]), "NCBI Gene symbol"));
            }
        }
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, String[]> first = new HashMap<>();
        Consumer<String[]> name = n -> {
            String key = TermKey.gene(n[1]);
            owners.computeIfAbsent(key, k -> new HashSet<>()).add(n[0]);
            first.putIfAbsent(key, n);
        };
        for (String[] c : rows) {
            for (String syn : c[2].split("\\|")) {
                String alias = syn.strip();
                if (usableAlias(alias)) {
                    name.accept(new String[] {c[0], alias, isShortWord(alias) ? SHORT_SYNONYM : "NCBI Gene synonym"});
                }
            }
            if (s == Species.HUMAN) {
                // NCBI's synonyms lack many of HGNC's, protein names above all ("survivin", "Langerin"). An alias NCBI
                // also lists keeps NCBI's source: a name keeps the first source it was given.
                for (String alias : hgncAliases.getOrDefault(c[0], Set.of())) {
                    if (usableAlias(alias)) {
                        name.accept(new String[] {c[0], alias, isShortWord(alias) ? SHORT_SYNONYM : HGNC_ALIAS});
                    }
                }
            }
            java.util.regex.Matcher mir = MICRO_RNA.matcher(c[1]);
            if (mir.matches()) {
                for (String prefix : List.of("miRNA-", "microRNA-", "miR-")) {
                    name.accept(new String[] {c[0], prefix + mir.group(1), "NCBI Gene symbol, microRNA spelling"});
                }
            }
            if (TermKey.shape(c[3]).length() >= 4) {
                name.accept(new String[] {c[0], c[3].strip(), "NCBI Gene full name"});
            }
        }
        int shared = 0;
        int families = 0;
        int shortSynonyms = 0;
        TreeSet<String> allKeys = new TreeSet<>(owners.keySet());
        allKeys.addAll(terms.keySet());
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(owners).entrySet()) {
            if (terms.containsKey(e.getKey())) {
                continue;
            }
            if (e.getValue().size() > 1) {
                shared++;
                continue;
            }
            if (filters.contains(Filter.GENE_FAMILY_NAMES) && isFamilyStem(e.getKey(), allKeys)) {
                families++;
                continue;
            }
            String[] n = first.get(e.getKey());
            terms.put(e.getKey(), new Vocabulary.Term(n[1], gene(s, n[0]), n[2]));
            if (n[2].equals(SHORT_SYNONYM)) {
                shortSynonyms++;
            }
        }
        String species = s.name().toLowerCase(java.util.Locale.ROOT);
        report.put(species + "Genes", coding);
        report.put(species + "NcRnaGenes", read - coding);
        report.put(species + "NamesSharedByGenesSkipped", shared);
        report.put(species + "FamilyNamesSkipped", families);
        report.put(species + "ShortSynonymsForTheMentionModel", shortSynonyms);
        report.put(species + "MitochondrialDuplicatesSkipped", read - rows.size());
    }

    /**
     * {@code rows} (ID, symbol, synonyms, full name) less each gene whose symbol is a synonym of an "MT-" gene and whose
     * full name is that gene's or only its own symbol: the same gene, recorded from another mitochondrial genome.
     */
    static List<String[]> withoutMitochondrialDuplicates(List<String[]> rows) {
        Map<String, Set<String>> fullNamesBySynonym = new HashMap<>();
        for (String[] c : rows) {
            if (c[1].regionMatches(true, 0, "MT-", 0, 3)) {
                for (String synonym : c[2].split("\\|")) {
                    fullNamesBySynonym.computeIfAbsent(synonym, k -> new HashSet<>()).add(c[3]);
                }
            }
        }
        return rows.stream().filter(c -> {
            Set<String> fullNames = fullNamesBySynonym.get(c[1]);
            return fullNames == null || !(fullNames.contains(c[3]) || c[3].equalsIgnoreCase(c[1]));
        }).toList();
    }

    /** Whether at least three names are this key plus a number, or a letter and a number ("mmp" + "2", "s100" + "a4"). */
    static boolean isFamilyStem(String key, java.util.NavigableSet<String> keys) {
        int members = 0;
        for (String k : keys.tailSet(key, false)) {
            if (!k.startsWith(key)) {
                break;
            }
            String rest = k.substring(key.length());
            if (Character.isDigit(rest.charAt(0)) || (rest.length() > 1 && Character.isLetter(rest.charAt(0)) && Character.isDigit(rest.charAt(1)))) {
                members++;
            }
        }
        return members >= 3;
    }

    /**
     * Aliases of one letter, or two letters without a digit, name too many things to be useful; names
     * without a letter ("219", "1.41") are numbers in a text.
     */
    private static boolean usableAlias(String a) {
        String s = TermKey.shape(a);
        return hasLetter(a) && (s.length() >= 3 || (s.length() == 2 && s.chars().anyMatch(Character::isDigit)));
    }

    /** A synonym of at most four letters and no digit ("IR", "STOP", "NET"): as often another word in a text as the gene. */
    private static boolean isShortWord(String synonym) {
        String shape = TermKey.shape(synonym);
        return shape.length() <= 4 && shape.chars().allMatch(Character::isLetter);
    }

    private static boolean hasLetter(String name) {
        return name.chars().anyMatch(Character::isLetter);
    }

    /**
     * A mouse or rat text often names a gene the human way ("TNF-alpha", "p53"): where the rodent table
     * lacks a human name, the name finds the rodent ortholog of the gene it names in humans.
     */
    private void addOrthologNames() {
        int added = 0;
        for (Species rodent : List.of(Species.MOUSE, Species.RAT)) {
            Map<String, Vocabulary.Term> terms = genes.get(rodent);
            for (Map.Entry<String, Vocabulary.Term> e : new TreeMap<>(genes.get(Species.HUMAN)).entrySet()) {
                String ortholog = orthologs.getOrDefault(e.getValue().concept().id(), Map.of()).get(rodent);
                if (ortholog != null && !terms.containsKey(e.getKey())) {
                    terms.put(e.getKey(), new Vocabulary.Term(e.getValue().form(), gene(rodent, ortholog), "human name, NCBI ortholog"));
                    added++;
                }
            }
        }
        report.put("rodentNamesFromHumanOrthologs", added);
        // And the other way: "N-cadherin" and "adiponectin" are mouse and rat synonyms that NCBI's human entries lack.
        int human = 0;
        Map<String, Vocabulary.Term> humanTerms = genes.get(Species.HUMAN);
        for (Species rodent : List.of(Species.MOUSE, Species.RAT)) {
            for (Map.Entry<String, Vocabulary.Term> e : new TreeMap<>(genes.get(rodent)).entrySet()) {
                String ortholog = e.getValue().concept().orthologId();
                if (ortholog != null && !humanTerms.containsKey(e.getKey()) && !e.getValue().source().startsWith("human name")) {
                    humanTerms.put(e.getKey(), new Vocabulary.Term(e.getValue().form(), gene(Species.HUMAN, ortholog), "rodent name, NCBI ortholog"));
                    human++;
                }
            }
        }
        report.put("humanNamesFromRodentOrthologs", human);
    }

    private void readDiseases(Path vocabulary, Path sources) throws IOException {
        Map<String, String> sourceOf = new HashMap<>();
        for (String[] c : rows(sources, 3)) {
            sourceOf.putIfAbsent(c[0] + "\t" + c[1], c[2]);
        }
        Claims sourceNames = new Claims();
        Claims variants = new Claims();
        Map<Filter, Integer> dropped = new EnumMap<>(Filter.class);
        for (String[] c : rows(vocabulary, 3)) {
            String id = c[0].startsWith("MESH:") ? c[0].substring(5) : c[0];
            diseaseNames.put(id, c[1]);
            List<String> names = new ArrayList<>();
            names.add(c[1]);
            for (String syn : c[2].split("\\|")) {
                if (!syn.isBlank()) {
                    names.add(syn.strip());
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                Filter drop = i == 0 ? null : dropped(n);
                if (drop != null) {
                    dropped.merge(drop, 1, Integer::sum);
                    continue;
                }
                String source = sourceOf.getOrDefault(c[0] + "\t" + n, "disease vocabulary");
                for (String form : forms(n)) {
                    if (TermKey.shape(form).length() < 3) {
                        continue;
                    }
                    sourceNames.add(TermKey.disease(form), id, form, source, i == 0);
                    for (Map.Entry<String, DiseaseVariants.Rule> v : DiseaseVariants.of(form, variantRules).entrySet()) {
                        variants.add(TermKey.disease(v.getKey()), id, v.getKey(), v.getValue().name() + " of " + form, i == 0);
                    }
                }
            }
        }
        int shared = 0;
        int toMesh = 0;
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(sourceNames.ids).entrySet()) {
            String id = e.getValue().iterator().next();
            if (e.getValue().size() > 1) {
                String owner = sourceNames.owner(e.getKey());
                if (filters.contains(Filter.SHARED_NAMES) && owner == null) {
                    shared++;
                    continue;
                }
                id = owner == null ? id : owner;
                // BioRED writes the MeSH ID where MeSH has the disease and OMIM's only where it does not.
                List<String> mesh = e.getValue().stream().filter(x -> !x.startsWith("OMIM:")).toList();
                if (id.startsWith("OMIM:") && mesh.size() == 1) {
                    id = mesh.get(0);
                    toMesh++;
                }
            }
            String[] f = sourceNames.first(e.getKey(), id);
            diseases.put(e.getKey(), new Vocabulary.Term(f[0], Concept.disease(id, diseaseNames.get(id)), f[1]));
        }
        dropped.put(Filter.SHARED_NAMES, shared);
        report.put("omimNamesGivenToMesh", toMesh);
        addVariants(sourceNames.ids.keySet(), variants);
        report.put("diseaseConcepts", diseaseNames.size());
        report.put("diseaseNamesDropped", new TreeMap<>(dropped.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue))));
    }

    /**
     * The variants whose key no source name holds and no gene name either (a disease key is looked up
     * first); one that several concepts make goes to the concept whose preferred name made it, else nowhere.
     */
    private void addVariants(Set<String> sourceKeys, Claims variants) {
        Map<String, Integer> added = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(variants.ids).entrySet()) {
            String key = e.getKey();
            if (sourceKeys.contains(key) || TermKey.shape(key).length() < 5 || genes.values().stream().anyMatch(g -> g.containsKey(key))) {
                continue;
            }
            String id = e.getValue().size() == 1 ? e.getValue().iterator().next() : variants.owner(key);
            if (id != null) {
                String[] f = variants.first(key, id);
                diseases.put(key, new Vocabulary.Term(f[0], Concept.disease(id, diseaseNames.get(id)), "variant: " + f[1]));
                added.merge(f[1].substring(0, f[1].indexOf(' ')), 1, Integer::sum);
            }
        }
        report.put("diseaseVariantsAdded", added);
    }

    /** Which concepts claim a name key, which one has it as its preferred name, and the form and source each claimed it by first. */
    private static final class Claims {
        final Map<String, Set<String>> ids = new HashMap<>();
        private final Map<String, String> preferred = new HashMap<>();
        private final Map<String, String[]> first = new HashMap<>();

        void add(String key, String id, String form, String source, boolean preferredName) {
            ids.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
            first.putIfAbsent(key + "\t" + id, new String[] {form, source});
            if (preferredName) {
                preferred.merge(key, id, (a, b) -> a.equals(b) ? a : "");
            }
        }

        /** The one concept whose preferred name the key is; null where none or several are. */
        String owner(String key) {
            String o = preferred.get(key);
            return o == null || o.isEmpty() ? null : o;
        }

        /** The form and source by which {@code id} first claimed the key. */
        String[] first(String key, String id) {
            return first.get(key + "\t" + id);
        }
    }

    private Filter dropped(String synonym) {
        if (filters.contains(Filter.OMIM_COMPOUND_TITLES) && (synonym.endsWith(", INCLUDED") || synonym.contains("SUSCEPTIBILITY TO"))) {
            return Filter.OMIM_COMPOUND_TITLES;
        }
        return isAbbreviation(synonym) ? Filter.SHORT_ABBREVIATIONS : null;
    }

    private boolean isAbbreviation(String name) {
        String shape = TermKey.shape(name);
        return filters.contains(Filter.SHORT_ABBREVIATIONS) && shape.length() <= ABBREVIATION_LENGTH && name.indexOf(' ') < 0
                && shape.chars().filter(Character::isUpperCase).count() >= 2;
    }

    /** MeSH inverts many headings ("Carcinoma, Hepatocellular"); texts say "hepatocellular carcinoma". */
    private static List<String> forms(String name) {
        int comma = name.indexOf(", ");
        if (comma > 0 && name.indexOf(", ", comma + 1) < 0 && name.indexOf(',') == comma) {
            return List.of(name, name.substring(comma + 2) + " " + name.substring(0, comma));
        }
        return List.of(name);
    }

    /**
     * Each annotated mention text names the ID it was annotated with most often, over the corpora that
     * annotate its kind. For genes this adds, per species, names the tables lack and never replaces one
     * (genes of other species are not counted); for diseases the annotation wins over the tables. A disease
     * annotated with an OMIM ID that MEDIC merges into a MeSH concept votes for that concept, as BioRED writes
     * it, unless the disease vocabulary keeps the OMIM ID as a concept of its own.
     */
    private void addAnnotatedNames(List<Corpus.Annotated> corpora, DiseaseIds diseaseIds) {
        Map<String, Species> speciesOf = new HashMap<>();
        symbols.forEach((s, ids) -> ids.keySet().forEach(id -> speciesOf.put(id, s)));
        Map<String, Map<String, Integer>> geneVotes = new HashMap<>();
        Map<String, Map<String, Integer>> diseaseVotes = new HashMap<>();
        Map<String, String> forms = new HashMap<>();
        Set<String> usedUndefined = new HashSet<>();
        for (Corpus.Annotated corpus : corpora) {
            for (PubTator.Document d : corpus.documents()) {
                String text = d.title() + " " + d.abstractText();
                for (PubTator.Mention m : d.mentions()) {
                    boolean counted = m.isGene() ? corpus.corpus().genes() : m.isDisease() && corpus.corpus().diseases();
                    if (!counted) {
                        continue;
                    }
                    if (m.isDisease() && !text.contains("(" + m.text())) {
                        usedUndefined.add(TermKey.disease(m.text()));
                    }
                    // A gene mention may carry one ID per species (E-cadherin: 12550,999); each votes in its species.
                    // Two IDs of one species make it a family ("MMPs"), which names no one gene.
                    List<String> ids = m.isGene() ? m.ids().stream().filter(speciesOf::containsKey).toList()
                            : m.ids().stream().map(id -> diseaseNames.containsKey(id) ? id : diseaseIds.apply(id)).toList();
                    boolean oneEach = ids.stream().map(speciesOf::get).distinct().count() == ids.size();
                    if (ids.isEmpty() || (m.isDisease() && ids.size() != 1) || (m.isGene() && (!oneEach || ids.size() < m.ids().size()))) {
                        continue;
                    }
                    String key = m.isGene() ? "G" + TermKey.gene(m.text()) : "D" + TermKey.disease(m.text());
                    for (String id : ids) {
                        (m.isGene() ? geneVotes : diseaseVotes).computeIfAbsent(key.substring(1), k -> new TreeMap<>()).merge(id, 1, Integer::sum);
                    }
                    forms.putIfAbsent(key, m.text());
                }
            }
        }
        int g = 0;
        int dz = 0;
        for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(geneVotes).entrySet()) {
            String form = forms.get("G" + e.getKey());
            if (TermKey.shape(form).length() < 2) {
                continue;
            }
            for (Species s : Species.values()) {
                Map<String, Integer> votes = new TreeMap<>();
                e.getValue().forEach((id, n) -> {
                    if (speciesOf.get(id) == s) {
                        votes.put(id, n);
                    }
                });
                if (!votes.isEmpty() && !genes.get(s).containsKey(e.getKey())) {
                    genes.get(s).put(e.getKey(), new Vocabulary.Term(form, gene(s, top(votes)), "annotated corpora"));
                    g++;
                }
            }
        }
        int abbreviations = 0;
        for (Map.Entry<String, Map<String, Integer>> e : diseaseVotes.entrySet()) {
            String form = forms.get("D" + e.getKey());
            if (TermKey.shape(form).length() < 2) {
                continue;
            }
            // A two- or three-letter abbreviation the annotated abstracts define ("ischemic stroke (IS)") means other things elsewhere
            // ("IS", "MR", "OB"); a longer one ("HNPCC") or one an abstract uses without defining it is known on its own.
            if (isAbbreviation(form) && TermKey.shape(form).length() <= TRAIN_ABBREVIATION_LENGTH && !usedUndefined.contains(e.getKey())) {
                abbreviations++;
                continue;
            }
            String id = top(e.getValue());
            diseases.put(e.getKey(), new Vocabulary.Term(form, Concept.disease(id, diseaseNames.getOrDefault(id, form)), "annotated corpora"));
            dz++;
        }
        report.put("annotatedGeneNames", g);
        report.put("annotatedDiseaseNames", dz);
        report.put("annotatedDiseaseAbbreviationsDropped", abbreviations);
    }

    private static String top(Map<String, Integer> votes) {
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /**
     * The names that go with a disease concept the corpora show to be mostly unannotated under all its names together
     * ("wound", "wounds", "injuries"): those its matches were seen by too rarely to judge alone. A name judged alone and
     * not found wrong stays: "blindness" keeps its place, though "blind" in "double-blind" sinks Blindness as a whole.
     *
     * @param seen {seen, right} per name key, as {@link #dropFalseFriends} counts them ("D" + the disease key)
     */
    static List<String> namesTooRareToJudge(Set<String> conceptKeys, Map<String, int[]> seen) {
        return conceptKeys.stream().filter(k -> seen.get("D" + k)[0] < MIN_SEEN).toList();
    }

    /** Whether matches counted as {seen, right} are enough to judge and mostly land on no gold entity of their type. */
    private static boolean mostlyWrong(int[] seenRight, double minPrecision) {
        return seenRight[0] >= MIN_SEEN && (double) seenRight[1] / seenRight[0] < minPrecision;
    }

    /**
     * Matches every annotated text and drops the names that mostly hit words its corpus did not annotate
     * as that kind; a name is judged only on the corpora that annotate its kind.
     */
    private void dropFalseFriends(List<Corpus.Annotated> corpora) {
        EntityMatcher matcher = new EntityMatcher(vocabulary());
        Map<String, int[]> seen = new HashMap<>();
        Map<String, int[]> seenConcepts = new HashMap<>();
        Map<String, Set<String>> conceptKeys = new HashMap<>();
        for (Corpus.Annotated corpus : corpora) {
            for (PubTator.Document d : corpus.documents()) {
                String text = d.title() + " " + d.abstractText();
                for (Mention m : matcher.find(text)) {
                    boolean gene = m.concept().type() == Concept.EntityType.GENE;
                    if (gene ? !corpus.corpus().genes() : !corpus.corpus().diseases()) {
                        continue;
                    }
                    String bare = gene ? TermKey.gene(m.text()) : TermKey.disease(m.text());
                    boolean known = gene ? genes.values().stream().anyMatch(t -> t.containsKey(bare)) : diseases.containsKey(bare);
                    if (!known) {
                        continue;
                    }
                    boolean right = d.mentions().stream().anyMatch(g -> (gene ? g.isGene() : g.isDisease())
                            && g.start() < m.end() && m.start() < g.end());
                    int[] c = seen.computeIfAbsent((gene ? "G" : "D") + bare, k -> new int[2]);
                    c[0]++;
                    if (right) {
                        c[1]++;
                    }
                    if (!gene) {
                        int[] k = seenConcepts.computeIfAbsent(m.concept().id(), x -> new int[2]);
                        k[0]++;
                        k[1] += right ? 1 : 0;
                        conceptKeys.computeIfAbsent(m.concept().id(), x -> new TreeSet<>()).add(bare);
                    }
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, int[]> e : new TreeMap<>(seen).entrySet()) {
            int[] c = e.getValue();
            if (mostlyWrong(c, e.getKey().charAt(0) == 'G' ? GENE_MIN_PRECISION : DISEASE_MIN_PRECISION)) {
                String key = e.getKey().substring(1);
                String form = null;
                if (e.getKey().charAt(0) == 'G') {
                    for (Map<String, Vocabulary.Term> t : genes.values()) {
                        Vocabulary.Term removed = t.remove(key);
                        form = form == null && removed != null ? removed.form() : form;
                    }
                } else {
                    form = diseases.remove(key).form();
                }
                dropped.add(form + " (" + c[1] + "/" + c[0] + ")");
            }
        }
        Collections.sort(dropped);
        report.put("falseFriendsDropped", dropped);
        List<String> concepts = new ArrayList<>();
        for (Map.Entry<String, int[]> e : new TreeMap<>(seenConcepts).entrySet()) {
            int[] c = e.getValue();
            if (mostlyWrong(c, DISEASE_MIN_PRECISION)) {
                namesTooRareToJudge(conceptKeys.get(e.getKey()), seen).forEach(diseases::remove);
                concepts.add(e.getKey() + " " + diseaseNames.getOrDefault(e.getKey(), "") + " (" + c[1] + "/" + c[0] + ")");
            }
        }
        report.put("falseFriendConceptsDropped", concepts);
    }
}
