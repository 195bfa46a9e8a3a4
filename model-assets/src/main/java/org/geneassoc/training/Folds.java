package org.geneassoc.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cross-validation folds by abstract: the distinct PubMed IDs sorted, the i-th to fold {@code i mod k}, so
 * every candidate, sentence and gold pair of one abstract lands in the same fold, and the folds are the same
 * on every run.
 */
public final class Folds {
    private final Map<String, Integer> foldOf = new HashMap<>();
    private final int k;

    public Folds(Collection<String> pmids, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(pmids));
        if (sorted.size() < k) {
            throw new IllegalArgumentException(sorted.size() + " abstracts cannot fill " + k + " folds");
        }
        for (int i = 0; i < sorted.size(); i++) {
            foldOf.put(sorted.get(i), i % k);
        }
        this.k = k;
    }

    public int count() {
        return k;
    }

    public int of(String pmid) {
        Integer f = foldOf.get(pmid);
        if (f == null) {
            throw new IllegalArgumentException("abstract " + pmid + " is in no fold");
        }
        return f;
    }

    /** The abstracts of fold {@code fold}. */
    public Set<String> pmids(int fold) {
        Set<String> out = new TreeSet<>();
        foldOf.forEach((pmid, f) -> {
            if (f == fold) {
                out.add(pmid);
            }
        });
        return out;
    }

    /** The abstracts outside fold {@code fold}. */
    public Set<String> pmidsOutside(int fold) {
        Set<String> out = new TreeSet<>(foldOf.keySet());
        out.removeAll(pmids(fold));
        return out;
    }

    public <T> List<T> in(List<T> items, Function<T, String> pmid, int fold) {
        return items.stream().filter(x -> of(pmid.apply(x)) == fold).toList();
    }

    public <T> List<T> outside(List<T> items, Function<T, String> pmid, int fold) {
        return items.stream().filter(x -> of(pmid.apply(x)) != fold).toList();
    }

    /** The entries of {@code byPmid} whose abstract is in {@code pmids}. */
    public static <V> Map<String, V> restrict(Map<String, V> byPmid, Set<String> pmids) {
        Map<String, V> out = new HashMap<>();
        pmids.forEach(p -> {
            if (byPmid.containsKey(p)) {
                out.put(p, byPmid.get(p));
            }
        });
        return out;
    }
}
