package org.geneassoc.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds gene and disease names in a text by longest dictionary match over word spans. Short gene
 * symbols must match with their case ("CAT" the gene, not "cat"); a short form defined in the text
 * ("Alzheimer's disease (AD)") names the same concept everywhere after it in that text. A short form in
 * parentheses inside a name is skipped ("central nervous system (CNS) infection"), and coordinated
 * disease names name each disease ("MEN1 and 2", "breast and ovarian cancer"). Where the vocabulary
 * has a {@link MentionModel}, it keeps only the matches it judges to be entities where they stand.
 */
public final class EntityMatcher {
    /** Longest name looked up, in words. */
    static final int MAX_WORDS = 8;
    /** Gene names at least this long (letters and digits) may match in any case. */
    static final int CASE_FREE_GENE = 6;
    /** Disease names at most this long are abbreviations and must match with their case. */
    static final int CASED_DISEASE = 4;
    /** Longest short form in parentheses that a name may hold inside it. */
    static final int SHORT_FORM_LENGTH = 10;
    /** A Roman numeral up to eight, as names and coordinations write them ("type II", "ROCK-I"). */
    private static final String ROMAN = "I{1,3}|IV|VI{0,3}";
    /** ", 2", " and 2", " or II" after a name that ends in a number: "MEN1 and 2", "type I and II". */
    private static final Pattern NEXT_NUMBER = Pattern.compile("\\G(?:\\s*,\\s*|\\s+(?:and|or|and/or)\\s+)(\\d{1,2}|" + ROMAN + ")\\b(?![-/%]|\\.\\d)");
    /** The number a name ends in, written on its own or joined to the word before it. */
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d{1,2}|\\b(?:" + ROMAN + "))$");
    /** "breast and " before "ovarian cancer": a word and a conjunction that share the name's head. */
    private static final Pattern SHARED_HEAD = Pattern.compile("\\b([A-Za-z][a-z]{2,})(?:\\s*,\\s*|\\s+(?:and|or|and/or)\\s+)$");
    /**
     * The member a gene symbol ends in: a number, maybe with a letter ("ERK1", "GATA-4", "DNMT3a"), or a Roman
     * numeral after a hyphen or a space ("ROCK-I", "synapsin I").
     */
    private static final Pattern LAST_MEMBER = Pattern.compile("(?:(\\d{1,3})([a-z]?)|(?<=[- ])(" + ROMAN + "))$");
    /** What stands between two members: "/", ", ", ", and ", " or ", with the hyphen some repeat ("GATA-4, -5"). */
    private static final String MEMBER_GAP = "(?:\\s*/\\s*-?|\\s*,\\s*(?:and\\s+|or\\s+)?-?|\\s+(?:and|or)\\s+-?)";
    /**
     * A further numbered member ("ERK1/2", "GATA-4, -5, -6", "CHL1 and 2", "DNMT3a and 3b"), which may repeat the
     * number before the stem's full stop ("Nav1.1/1.2").
     */
    private static final Pattern NEXT_MEMBER = Pattern.compile("\\G" + MEMBER_GAP + "(?:(\\d{1,3})\\.)?(\\d{1,3}[a-z]?)\\b(?![.\\d%])");
    /** A further Roman member ("ROCK-I/II", "synapsins I and II"). */
    private static final Pattern NEXT_ROMAN = Pattern.compile("\\G" + MEMBER_GAP + "()(" + ROMAN + ")\\b(?![-%])");
    /** The first member of a symbol written apart from it, where a second follows: " 1" in "MEK 1/2". */
    private static final Pattern FIRST_MEMBER = Pattern.compile("\\G (\\d{1,2})(?=" + MEMBER_GAP + "\\d)");
    /** The end of a range of members: "-7" after "Mcm2" (Mcm2 to Mcm7), "-1.9" after "Nav1.1". */
    private static final Pattern RANGE_END = Pattern.compile("\\G-(?:(\\d{1,3})\\.)?(\\d{1,3})\\b(?![.\\d%])");
    /** The number before a stem's full stop ("1." of "Nav1."), which members may repeat. */
    private static final Pattern STEM_NUMBER = Pattern.compile("(\\d{1,3})\\.$");
    /** Most members a range may stand for ("Mcm2-7" is six). */
    static final int MAX_RANGE = 10;
    /** A gap between words that ends a clause or a sentence ("37 C; ROS", "type C. ROS"), unless the name writes it ("St. Anthony's fire"). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:!?]|\\.\\s");
    private static final Pattern SHORT_FORM = Pattern.compile("\\G\\s*\\(([A-Za-z][A-Za-z0-9αβγδκ-]{1,9})\\)");

    private final Vocabulary vocabulary;

    public EntityMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Non-overlapping mentions in text order: at each word the longest span of up to {@link #MAX_WORDS}
     * words that names something. A span's key is its words' keys joined, so each word is keyed once,
     * and a span stops growing once no vocabulary key begins with it.
     */
    public List<Mention> find(String text) {
        return find(text, null);
    }

    /**
     * As {@link #find(String)}, with a text about the same study that is not searched but whose species
     * cues count too (the article's title). Where the mention model names a gene of another species too, the
     * same span follows the mention as that gene.
     */
    public List<Mention> find(String text, String context) {
        List<Mention> found = matches(text, context);
        MentionModel model = vocabulary.mentionModel();
        return model == null ? found : model.withOtherSpecies(vocabulary, text, context, model.keep(vocabulary, text, found));
    }

    /** Every match of the vocabulary, before the mention model (if any) judges them. */
    private List<Mention> matches(String text, String context) {
        List<int[]> words = words(text);
        int count = words.size();
        String[] wordKeys = new String[count];
        // Words a span skips: a possessive s, or a short form in parentheses inside a name ("central nervous system (CNS) infection").
        boolean[] skipped = new boolean[count];
        for (int w = 0; w < count; w++) {
            int start = words.get(w)[0];
            int end = words.get(w)[1];
            wordKeys[w] = TermKey.gene(text.substring(start, end));
            skipped[w] = isPossessive(text, start, end) || isBracketedShortForm(text, start, end);
        }
        Species[] cues = Species.cuedBy(wordKeys);
        int[] cueCounts = new int[Species.values().length];
        for (Species cue : cues) {
            if (cue != null) {
                cueCounts[cue.ordinal()]++;
            }
        }
        if (context != null) {
            countCues(context, 0, context.length(), cueCounts);
        }
        Species textSpecies = textSpecies(cueCounts);
        boolean peopleNamed = cueCounts[Species.HUMAN.ordinal()] > 0;
        Species[] sentenceSpecies = cueCounts[0] + cueCounts[1] + cueCounts[2] == 0 ? null : sentenceSpecies(text, words, cues, textSpecies);
        List<Mention> found = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < count) {
            Mention best = null;
            int used = 1;
            key.setLength(0);
            int lastWordLength = 0;
            Species here = i > 0 && cues[i - 1] != null ? cues[i - 1] : sentenceSpecies == null ? textSpecies : sentenceSpecies[i];
            for (int n = 1; n <= Math.min(MAX_WORDS, count - i); n++) {
                int w = i + n - 1;
                // TermKey drops a possessive 's inside a span, so "Alzheimer's" keys as "Alzheimer".
                if (n == 1 || !skipped[w]) {
                    key.append(wordKeys[w]);
                    lastWordLength = wordKeys[w].length();
                }
                String spanKey = key.toString();
                Mention m = n > 1 && skipped[w] ? null : lookup(text, words, i, w, wordKeys, skipped, spanKey, lastWordLength, here, peopleNamed);
                if (m != null) {
                    best = m;
                    used = n;
                }
                boolean nextDropped = w + 1 < count && skipped[w + 1];
                if (!nextDropped && !vocabulary.hasKeyStartingWith(spanKey)) {
                    break;
                }
            }
            if (best != null) {
                found.add(best);
                i += used;
            } else {
                i++;
            }
        }
        return withShortForms(text, words, withEllipses(text, found));
    }

    /**
     * Names that share a part with the name beside them, as coordinations write them: "MEN1 and 2" also
     * names MEN2, "breast and ovarian cancer" also breast cancer. A disease only, and only where the
     * vocabulary has the whole name.
     */
    private List<Mention> withEllipses(String text, List<Mention> found) {
        List<Mention> added = new ArrayList<>();
        for (Mention m : found) {
            if (m.concept().type() == Concept.EntityType.GENE) {
                added.addAll(coordinatedGenes(text, m));
                continue;
            }
            Matcher last = LAST_NUMBER.matcher(m.text());
            Matcher next = NEXT_NUMBER.matcher(text);
            next.region(m.end(), text.length());
            if (last.find() && next.lookingAt()) {
                Mention e = diseaseNamed(m.text().substring(0, last.start()) + next.group(1), next.start(1), next.end(1), text);
                if (e != null) {
                    added.add(e);
                }
            }
            int space = m.text().indexOf(' ');
            Matcher before = SHARED_HEAD.matcher(text);
            before.region(Math.max(0, m.start() - 30), m.start());
            if (space > 0 && before.find()) {
                Mention e = diseaseNamed(before.group(1) + m.text().substring(space), before.start(1), before.end(1), text);
                if (e != null && found.stream().noneMatch(f -> f.start() < e.end() && e.start() < f.end())) {
                    added.add(e);
                }
            }
        }
        if (added.isEmpty()) {
            return found;
        }
        List<Mention> all = new ArrayList<>(found);
        all.addAll(added);
        all.sort(java.util.Comparator.comparingInt(Mention::start));
        return all;
    }

    /**
     * The genes a symbol's coordination names beside it, as NLM-Gene and BioRED annotate them: "ERK1/2"
     * also names ERK2, "Smad1/5/8" Smad5 and Smad8, "GATA-4, -5, -6" GATA5 and GATA6, "Mcm2-7" Mcm3 to Mcm7,
     * "ROCK-I/II" ROCK2, "Nav1.1-1.3" Nav1.2 and Nav1.3, "MEK 1/2" MEK1 and MEK2. A member is named only where
     * the vocabulary has its symbol in the species of the first; its mention is the member's number (a range's
     * members all stand on its last).
     */
    private List<Mention> coordinatedGenes(String text, Mention m) {
        String name = m.text();
        Matcher last = LAST_MEMBER.matcher(name);
        Species species = m.concept().species();
        List<Mention> out = new ArrayList<>();
        Pattern nextMember = NEXT_MEMBER;
        String stem;
        String lastNumber = null;
        int from = m.end();
        if (last.find()) {
            stem = name.substring(0, last.start());
            nextMember = last.group(3) != null ? NEXT_ROMAN : NEXT_MEMBER;
            lastNumber = last.group(1) != null && last.group(2).isEmpty() ? last.group(1) : null;
        } else {
            Matcher first = FIRST_MEMBER.matcher(text);
            first.region(m.end(), text.length());
            Mention g = Character.isLetter(name.charAt(name.length() - 1)) && first.lookingAt()
                    ? geneNamed(name + first.group(1), species, first.start(1), first.end(1), text) : null;
            if (g == null) {
                return out;
            }
            out.add(g);
            stem = name;
            from = first.end();
        }
        Matcher stemNumber = STEM_NUMBER.matcher(stem);
        String repeated = stemNumber.find() ? stemNumber.group(1) : null;
        if (!isStem(stem, repeated)) {
            return out;
        }
        Matcher range = RANGE_END.matcher(text);
        range.region(from, text.length());
        if (lastNumber != null && range.lookingAt() && sameRepeat(range.group(1), repeated)) {
            int low = Integer.parseInt(lastNumber);
            int high = Integer.parseInt(range.group(2));
            if (high > low && high - low < MAX_RANGE) {
                for (int k = low + 1; k <= high; k++) {
                    Mention g = geneNamed(stem + k, species, range.start(2), range.end(2), text);
                    if (g != null) {
                        out.add(g);
                    }
                }
            }
            return out;
        }
        Matcher next = nextMember.matcher(text);
        next.region(from, text.length());
        while (next.lookingAt() && sameRepeat(next.group(1), repeated)) {
            Mention g = geneNamed(stem + next.group(2), species, next.start(2), next.end(2), text);
            if (g == null) {
                break;
            }
            out.add(g);
            next.region(next.end(), text.length());
        }
        return out;
    }

    /** Whether {@code stem} can take a member: it ends in a letter, a hyphen, a space after a letter, or a number's full stop. */
    private static boolean isStem(String stem, String repeated) {
        if (stem.isEmpty()) {
            return false;
        }
        char end = stem.charAt(stem.length() - 1);
        return Character.isLetter(end) || end == '-' || repeated != null
                || end == ' ' && stem.length() > 1 && Character.isLetter(stem.charAt(stem.length() - 2));
    }

    /** Whether a member's repeated number ("1" of "1.9") is absent (null, or empty for a Roman member) or the stem's own. */
    private static boolean sameRepeat(String written, String repeated) {
        return written == null || written.isEmpty() || written.equals(repeated);
    }

    /** A mention over {@code start..end} of the gene of {@code species} that the vocabulary names {@code symbol}, or null. */
    private Mention geneNamed(String symbol, Species species, int start, int end, String text) {
        Vocabulary.GeneTerms genes = vocabulary.genes(TermKey.gene(symbol));
        Vocabulary.Term t = genes == null ? null : genes.of(species);
        return t == null ? null : new Mention(start, end, text.substring(start, end), t.concept());
    }

    /** A mention over {@code start..end} of the disease the vocabulary names {@code name}, or null. */
    private Mention diseaseNamed(String name, int start, int end, String text) {
        Vocabulary.Term t = vocabulary.disease(TermKey.disease(name));
        return t == null || !diseaseCaseOk(name, t.form()) ? null : new Mention(start, end, text.substring(start, end), t.concept());
    }

    /** Per word: the species its sentence names, where it names one; else the text's. */
    private static Species[] sentenceSpecies(String text, List<int[]> words, Species[] cues, Species textSpecies) {
        Species[] out = new Species[words.size()];
        int first = 0;
        for (int w = 1; w <= words.size(); w++) {
            boolean boundary = w == words.size() || (Character.isUpperCase(text.charAt(words.get(w)[0]))
                    && endsSentence(text, words.get(w - 1)[1], words.get(w)[0]));
            if (boundary) {
                int[] counts = new int[Species.values().length];
                boolean any = false;
                for (int k = first; k < w; k++) {
                    if (cues[k] != null) {
                        counts[cues[k].ordinal()]++;
                        any = true;
                    }
                }
                java.util.Arrays.fill(out, first, w, any ? textSpecies(counts) : textSpecies);
                first = w;
            }
        }
        return out;
    }

    /** Whether the gap between two words holds a full stop (or ? or !) followed by white space. */
    private static boolean endsSentence(String text, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The species a text's genes belong to when nothing next to a mention says otherwise: mouse or rat
     * when the text names that species at least as often as it names people, else human (BioRED's rule:
     * a gene is normalised to the organism the study is about).
     */
    static Species textSpecies(int[] cueCounts) {
        int mouse = cueCounts[Species.MOUSE.ordinal()];
        int rat = cueCounts[Species.RAT.ordinal()];
        Species rodent = rat > mouse ? Species.RAT : Species.MOUSE;
        return Math.max(mouse, rat) > 0 && Math.max(mouse, rat) >= cueCounts[Species.HUMAN.ordinal()] ? rodent : Species.HUMAN;
    }

    /** A word of letters and digits alone in parentheses, at most {@value #SHORT_FORM_LENGTH} long: "(CNS)", "(FV)". */
    private static boolean isBracketedShortForm(String text, int start, int end) {
        return start > 0 && end < text.length() && text.charAt(start - 1) == '(' && text.charAt(end) == ')' && end - start <= SHORT_FORM_LENGTH;
    }

    /** An "s" right after an apostrophe, as TermKey's possessive rule sees it. */
    private static boolean isPossessive(String text, int start, int end) {
        return end - start == 1 && text.charAt(start) == 's' && start > 0
                && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '’')
                && (end == text.length() || text.charAt(end) != '_');
    }

    /**
     * @param key         the span's gene key (see {@link TermKey}); the disease key differs only by a plural s
     * @param species     the species a gene name here most likely belongs to; another's entry serves if it has none
     * @param peopleNamed whether the text names people at all (patients, women, human…)
     */
    private Mention lookup(String text, List<int[]> words, int first, int last, String[] wordKeys, boolean[] skipped, String key,
                           int lastWordLength, Species species, boolean peopleNamed) {
        int start = words.get(first)[0];
        int end = words.get(last)[1];
        Vocabulary.Term disease = vocabulary.disease(TermKey.singular(key, lastWordLength));
        String span = text.substring(start, end);
        if (disease != null && diseaseCaseOk(span, disease.form()) && breaksAgree(text, words, first, last, wordKeys, skipped, disease.form())) {
            return new Mention(start, end, span, disease.concept());
        }
        Vocabulary.GeneTerms genes = vocabulary.genes(key);
        if (genes == null) {
            return null;
        }
        String shape = TermKey.shape(span);
        if (!anyMatches(genes, shape, span, text, words, first, last, wordKeys, skipped)) {
            return null;
        }
        boolean rodentStyle = rodentStyle(shape, genes);
        // In a text about people, a capitalised word that only a mouse or rat table spells so is a word ("Spatial", "Duo");
        // in a text that names no species, it is the rodent gene ("Eomes", "Nanog").
        if (rodentStyle && species == Species.HUMAN && peopleNamed && shape.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Vocabulary.Term gene = genes.of(rodentStyle ? (species == Species.RAT ? Species.RAT : Species.MOUSE) : species);
        for (Species other : Species.values()) {
            if (gene == null) {
                gene = genes.of(other);
            }
        }
        return new Mention(start, end, span, gene.concept());
    }

    /** Whether some species' entry for the key may be this span, by case and by word breaks. */
    private static boolean anyMatches(Vocabulary.GeneTerms genes, String shape, String span, String text, List<int[]> words, int first,
                                      int last, String[] wordKeys, boolean[] skipped) {
        for (Vocabulary.Term t : genes.bySpecies()) {
            if (t != null && geneCaseOk(shape, span, t.form()) && breaksAgree(text, words, first, last, wordKeys, skipped, t.form())) {
                return true;
            }
        }
        return false;
    }

    /** A span (its shape) written the way a rodent table writes the name and the human table does not ("Elf5", not "ELF5"). */
    private static boolean rodentStyle(String s, Vocabulary.GeneTerms genes) {
        Vocabulary.Term human = genes.of(Species.HUMAN);
        if (human != null && TermKey.shape(human.form()).equals(s)) {
            return false;
        }
        return java.util.stream.Stream.of(Species.MOUSE, Species.RAT).map(genes::of)
                .anyMatch(t -> t != null && TermKey.shape(t.form()).equals(s) && !s.equals(s.toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * Whether a span may be the gene name {@code form} (their keys are equal). Exact shapes always; a
     * span with two capitals ("mTOR", "PPARa"), letters and digits ("Brca1", "mmp2") or a hyphen
     * ("c-kit") is a symbol in any case; a long name in any case, except that a lower-case word is not a
     * one-word name the source capitalises ("cryptic" is not the mouse gene Cryptic).
     *
     * @param s the span's {@link TermKey#shape}
     */
    private static boolean geneCaseOk(String s, String span, String form) {
        String f = TermKey.shape(form);
        if (s.equals(f)) {
            return true;
        }
        boolean digits = f.chars().anyMatch(Character::isDigit);
        if (s.chars().filter(Character::isUpperCase).count() >= 2 || (digits && s.length() >= 3 && span.indexOf(' ') < 0)) {
            return true;
        }
        if (span.indexOf('-') > 0 && f.length() >= 4) {
            return true;
        }
        boolean capitalisedWord = f.length() > 1 && Character.isUpperCase(f.charAt(0)) && f.substring(1).equals(f.substring(1).toLowerCase(java.util.Locale.ROOT));
        boolean lowerWord = s.equals(s.toLowerCase(java.util.Locale.ROOT)) && !digits && form.indexOf(' ') < 0 && capitalisedWord;
        return f.length() >= CASE_FREE_GENE && !lowerWord;
    }

    /**
     * A span of several words names {@code form} only where the form has a separator too: "genes is" is
     * not "Genesis", "a 15" not "A15". A hyphen or slash may join what the form writes as one ("IL-6", "IL6").
     * A clause or sentence break between two words is no separator unless the form has one at that place too:
     * "37 C; ROS" is not "C-ROS", while "NAD(P)H:quinone" may be a name written so. A full stop the form writes
     * without a space ("St.Anthony") still counts as its break there.
     */
    static boolean breaksAgree(String text, List<int[]> words, int first, int last, String[] wordKeys, boolean[] skipped, String form) {
        if (first == last) {
            return true;
        }
        Map<Integer, String> formBreaks = separators(TermKey.withoutPossessive(form));
        int k = wordKeys[first].length();
        for (int w = first + 1; w <= last; w++) {
            if (skipped[w]) {
                continue;
            }
            String gap = text.substring(words.get(w - 1)[1], words.get(w)[0]);
            boolean joined = gap.equals("-") || gap.equals("/") || gap.isEmpty() || (skipped[w - 1] && w - 1 > first);
            String formGap = formBreaks.get(k);
            if (!joined && (formGap == null || (CLAUSE_BREAK.matcher(gap).find() && !CLAUSE_BREAK.matcher(formGap + " ").find()))) {
                return false;
            }
            k += wordKeys[w].length();
        }
        return true;
    }

    /** The separator between a name's words at each key offset where it has one ("CI 2": " " at 2; "Or18" has none). */
    private static Map<Integer, String> separators(String form) {
        Map<Integer, String> out = new HashMap<>();
        int k = 0;
        for (int i = 0; i < form.length(); i++) {
            String c = String.valueOf(form.charAt(i));
            int n = TermKey.gene(c).length();
            if (n == 0) {
                out.merge(k, c, String::concat);
            }
            k += n;
        }
        return out;
    }

    static boolean diseaseCaseOk(String span, String form) {
        String f = TermKey.shape(form);
        return f.length() > CASED_DISEASE || TermKey.shape(span).equals(f);
    }

    /**
     * "long form (SF)": the short form names the long form's concept everywhere in this text, also where
     * the vocabulary gives it another meaning ("dilated cardiomyopathy (DCM)" makes DCM the disease, not a gene).
     */
    private static List<Mention> withShortForms(String text, List<int[]> words, List<Mention> found) {
        Map<String, Concept> shortForms = new HashMap<>();
        for (Mention m : found) {
            Matcher sf = SHORT_FORM.matcher(text);
            sf.region(m.end(), text.length());
            if (sf.lookingAt()) {
                shortForms.putIfAbsent(TermKey.shape(sf.group(1)), m.concept());
            }
        }
        if (shortForms.isEmpty()) {
            return found;
        }
        List<Mention> all = new ArrayList<>();
        for (Mention m : found) {
            Concept c = definedAs(shortForms, m.text());
            all.add(c == null ? m : new Mention(m.start(), m.end(), m.text(), c));
        }
        int k = 0;
        for (int[] w : words) {
            while (k < found.size() && found.get(k).end() <= w[0]) {
                k++;
            }
            boolean covered = k < found.size() && found.get(k).start() < w[1] && w[0] < found.get(k).end();
            Concept c = covered ? null : definedAs(shortForms, text.substring(w[0], w[1]));
            if (c != null) {
                all.add(new Mention(w[0], w[1], text.substring(w[0], w[1]), c));
            }
        }
        all.sort(java.util.Comparator.comparingInt(Mention::start));
        return all;
    }

    /** The concept a short form defined in the text names, also in the plural ("HCCs" after "(HCC)"). */
    private static Concept definedAs(Map<String, Concept> shortForms, String word) {
        String shape = TermKey.shape(word);
        Concept c = shortForms.get(shape);
        return c != null || !shape.endsWith("s") ? c : shortForms.get(shape.substring(0, shape.length() - 1));
    }

    /** Adds to {@code counts} (by {@link Species#ordinal()}) the words of {@code text[from, to)} that name a species. */
    static void countCues(String text, int from, int to, int[] counts) {
        String[] keys = words(text, from, to).stream().map(w -> TermKey.gene(text.substring(w[0], w[1]))).toArray(String[]::new);
        for (Species cue : Species.cuedBy(keys)) {
            if (cue != null) {
                counts[cue.ordinal()]++;
            }
        }
    }

    /** Spans of letter-and-digit runs: "IL-6" is two words, which a two-word lookup joins again. */
    static List<int[]> words(String text) {
        return words(text, 0, text.length());
    }

    /** The spans of the words in {@code text[from, to)}; a word cut by either bound counts as its part inside. */
    static List<int[]> words(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && isWordChar(text.charAt(i))) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
