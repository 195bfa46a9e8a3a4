package org.geneassoc.assets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spellings of a disease name that abstracts use and the vocabulary's sources do not list, after the
 * rules of sieve-based disease normalisers (D'Souza and Ng, ACL 2015): "eye malformation" for Eye
 * Abnormalities, "renal disease" for Kidney Diseases, "loss of hearing" for Hearing Loss,
 * "schizophrenic" for Schizophrenia. A variant only ever fills a key that no source name holds.
 */
public final class DiseaseVariants {
    /** The rules, each measurable by leaving it out ({@code bin/geneassoc vocabulary --without-variants}). */
    public enum Rule {
        /** Words that head disease names and stand for one another: disease/disorder/syndrome, cancer/carcinoma/tumor/neoplasm, abnormality/malformation/anomaly/defect, … */
        HEAD_SYNONYMS,
        /** An organ's noun for its adjective and back: kidney/renal, heart/cardiac, liver/hepatic, lung/pulmonary, … */
        ORGAN_ADJECTIVES,
        /** A two-word name whose second word is a condition said as a phrase: "loss of hearing", "injury to the kidney", "diseased kidney". */
        OF_PHRASES,
        /** The adjective of a one-word name, which BioRED annotates as the disease: schizophrenic, leukemic, psychotic, epileptic. */
        ADJECTIVES,
        /** A name without the word that says how it arises, where two or more words remain: "cortisol resistance" for Primary Cortisol Resistance. */
        DROPPED_MODIFIERS,
        /**
         * An organ's damage said in general words names the organ's diseases: "renal fibrosis", "muscle injury",
         * "GI toxicity", "myocardial damage". BioRED Train files 44 of its 62 such mentions so (renal fibrosis 5/5
         * Kidney Diseases, myocardial damage 3/3 Cardiomyopathies); 16 of the other 18 have a concept of their own
         * (liver fibrosis: Liver Cirrhosis), and a variant never takes a source name's key.
         */
        ORGAN_PATHOLOGIES
    }

    /** Variants per name at most: a name with several substitutable words yields their combinations up to this. */
    static final int MAX_PER_NAME = 24;

    private static final List<List<String>> HEADS = List.of(
            List.of("disease", "disorder", "syndrome", "dysfunction", "disturbance"),
            List.of("neoplasm", "cancer", "carcinoma", "tumor"),
            List.of("abnormality", "malformation", "anomaly", "defect"),
            List.of("impairment", "disability"),
            List.of("injury", "damage"),
            List.of("hemorrhage", "bleeding"));
    /** Variants only: a text's adenocarcinoma of an organ is filed under the organ's neoplasms when nothing names it. */
    private static final Map<String, List<String>> HEAD_TARGETS_ONLY = Map.of("neoplasm", List.of("adenocarcinoma"),
            "infectious disease", List.of("infection"));
    private static final List<List<String>> ORGANS = List.of(
            List.of("kidney", "renal"), List.of("heart", "cardiac"), List.of("liver", "hepatic"), List.of("lung", "pulmonary"),
            List.of("stomach", "gastric"), List.of("brain", "cerebral"), List.of("eye", "ocular"), List.of("muscle", "muscular"),
            List.of("skin", "cutaneous", "dermatological", "dermatologic"), List.of("intestine", "intestinal"), List.of("colon", "colonic"), List.of("bone", "osseous"),
            List.of("gastrointestinal", "gi"), List.of("central nervous system", "cns"), List.of("myocardium", "myocardial"));
    /** The heads of an organ's diseases concept ("Kidney Diseases", "muscle disorder") that {@link Rule#ORGAN_PATHOLOGIES} reads. */
    private static final Set<String> ORGAN_DISEASE_HEADS = Set.of("disease", "disorder");
    /** The general words for an organ's damage that BioRED Train files under the organ's diseases. */
    private static final List<String> PATHOLOGIES = List.of("lesion", "injury", "injuries", "damage", "toxicity", "fibrosis",
            "hypoplasia", "inflammation", "necrosis", "dysfunction", "impairment", "abnormality", "abnormalities", "defect");
    private static final Set<String> MODIFIERS = Set.of("primary", "congenital", "hereditary", "familial", "idiopathic", "infantile",
            "inherited", "acquired", "isolated", "sporadic");
    private static final Set<String> CONDITIONS = Set.of("loss", "injury", "damage", "deficiency", "failure", "dysfunction", "disease",
            "disorder", "inflammation", "hypoplasia", "aplasia", "atrophy", "insufficiency", "infection", "neoplasm", "cancer", "tumor");
    private static final Map<String, String> PLURALS = Map.ofEntries(Map.entry("diseases", "disease"), Map.entry("disorders", "disorder"),
            Map.entry("neoplasms", "neoplasm"), Map.entry("cancers", "cancer"), Map.entry("carcinomas", "carcinoma"),
            Map.entry("tumors", "tumor"), Map.entry("abnormalities", "abnormality"), Map.entry("malformations", "malformation"),
            Map.entry("anomalies", "anomaly"), Map.entry("defects", "defect"), Map.entry("impairments", "impairment"),
            Map.entry("disabilities", "disability"), Map.entry("injuries", "injury"), Map.entry("infections", "infection"),
            Map.entry("deficiencies", "deficiency"), Map.entry("syndromes", "syndrome"),
            Map.entry("dysfunctions", "dysfunction"), Map.entry("disturbances", "disturbance"), Map.entry("failures", "failure"), Map.entry("infectious diseases", "infectious disease"));
    /** Suffix of a one-word name → its adjective's suffix, longest first. */
    private static final String[][] ADJECTIVE_SUFFIXES = {{"ension", "ensive"}, {"etes", "etic"}, {"epsy", "eptic"}, {"osis", "otic"},
            {"esity", "ese"}, {"hma", "hmatic"}, {"ia", "ic"}};

    private DiseaseVariants() {
    }

    /** The variant forms of a name (lower case), each with the rule that made it; never the name itself. */
    static Map<String, Rule> of(String name, Set<Rule> rules) {
        Map<String, Rule> out = new LinkedHashMap<>();
        String lower = name.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("['’]s\\b", "").replaceAll("\\s+", " ").strip();
        List<String> words = phrases(lower);
        if (rules.contains(Rule.HEAD_SYNONYMS) || rules.contains(Rule.ORGAN_ADJECTIVES)) {
            substitutions(words, rules, out);
        }
        if (rules.contains(Rule.OF_PHRASES) && words.size() == 2 && CONDITIONS.contains(singular(words.get(1)))) {
            String a = words.get(0);
            String b = singular(words.get(1));
            for (String joint : List.of(" of ", " of the ", " to the ")) {
                out.putIfAbsent(b + joint + a, Rule.OF_PHRASES);
            }
            if (b.equals("disease")) {
                out.putIfAbsent("diseased " + a, Rule.OF_PHRASES);
            }
        }
        if (rules.contains(Rule.ADJECTIVES) && words.size() == 1 && lower.length() >= 6 && lower.chars().allMatch(Character::isLetter)) {
            for (String[] s : ADJECTIVE_SUFFIXES) {
                if (lower.endsWith(s[0])) {
                    out.putIfAbsent(lower.substring(0, lower.length() - s[0].length()) + s[1], Rule.ADJECTIVES);
                    break;
                }
            }
        }
        if (rules.contains(Rule.DROPPED_MODIFIERS) && words.size() >= 3) {
            for (int i = 0; i < words.size(); i++) {
                if (MODIFIERS.contains(words.get(i))) {
                    List<String> rest = new ArrayList<>(words);
                    rest.remove(i);
                    out.putIfAbsent(String.join(" ", rest).replaceAll(",$", ""), Rule.DROPPED_MODIFIERS);
                }
            }
        }
        if (rules.contains(Rule.ORGAN_PATHOLOGIES) && words.size() == 2 && ORGAN_DISEASE_HEADS.contains(singular(words.get(1)))) {
            for (List<String> organ : ORGANS) {
                if (organ.contains(words.get(0))) {
                    for (String form : organ) {
                        PATHOLOGIES.forEach(p -> out.putIfAbsent(form + " " + p, Rule.ORGAN_PATHOLOGIES));
                    }
                }
            }
        }
        out.remove(lower);
        return out;
    }

    /** Words, with the multi-word members of a family ("central nervous system", "infectious disease") kept as one. */
    private static List<String> phrases(String lower) {
        String s = " " + lower + " ";
        for (String p : List.of("central nervous system", "infectious diseases", "infectious disease")) {
            s = s.replace(" " + p + " ", " " + p.replace(' ', '_') + " ");
        }
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split(" ")) {
            out.add(w.replace('_', ' '));
        }
        return out;
    }

    /** Every combination of each word kept or swapped for one of its family's other members, up to {@link #MAX_PER_NAME}. */
    private static void substitutions(List<String> words, Set<Rule> rules, Map<String, Rule> out) {
        List<List<String>> options = new ArrayList<>();
        List<Rule> ruleOf = new ArrayList<>();
        boolean any = false;
        for (String w : words) {
            List<String> opts = new ArrayList<>(List.of(w));
            Rule rule = null;
            String base = singular(w);
            if (rules.contains(Rule.HEAD_SYNONYMS)) {
                for (List<String> family : HEADS) {
                    if (family.contains(base)) {
                        family.stream().filter(m -> !m.equals(base)).forEach(opts::add);
                        rule = Rule.HEAD_SYNONYMS;
                    }
                }
                if (HEAD_TARGETS_ONLY.containsKey(base)) {
                    opts.addAll(HEAD_TARGETS_ONLY.get(base));
                    rule = Rule.HEAD_SYNONYMS;
                }
            }
            if (rules.contains(Rule.ORGAN_ADJECTIVES)) {
                for (List<String> organ : ORGANS) {
                    if (organ.contains(w)) {
                        organ.stream().filter(m -> !m.equals(w)).forEach(opts::add);
                        rule = rule == null ? Rule.ORGAN_ADJECTIVES : rule;
                    }
                }
            }
            any |= opts.size() > 1;
            options.add(opts);
            ruleOf.add(rule);
        }
        if (!any) {
            return;
        }
        List<String> partial = new ArrayList<>(List.of(""));
        List<Rule> partialRule = new ArrayList<>(java.util.Collections.singletonList((Rule) null));
        for (int i = 0; i < options.size(); i++) {
            List<String> next = new ArrayList<>();
            List<Rule> nextRule = new ArrayList<>();
            for (int p = 0; p < partial.size() && next.size() < MAX_PER_NAME * 4; p++) {
                for (int o = 0; o < options.get(i).size(); o++) {
                    next.add(partial.get(p).isEmpty() ? options.get(i).get(o) : partial.get(p) + " " + options.get(i).get(o));
                    nextRule.add(o == 0 ? partialRule.get(p) : partialRule.get(p) == null ? ruleOf.get(i) : partialRule.get(p));
                }
            }
            partial = next;
            partialRule = nextRule;
        }
        int added = 0;
        for (int p = 0; p < partial.size() && added < MAX_PER_NAME; p++) {
            if (partialRule.get(p) != null && out.putIfAbsent(partial.get(p), partialRule.get(p)) == null) {
                added++;
            }
        }
    }

    private static String singular(String w) {
        return PLURALS.getOrDefault(w, w);
    }

    static Set<Rule> all() {
        return EnumSet.allOf(Rule.class);
    }
}
