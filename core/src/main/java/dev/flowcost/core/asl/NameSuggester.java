package dev.flowcost.core.asl;

import java.util.Collection;
import java.util.Optional;

/** Finds the state name a typo most likely meant, so "state does not exist" can say what to write instead. */
final class NameSuggester {

    private NameSuggester() {
    }

    /** The closest of {@code names} to {@code wanted}, if it is close enough to be a plausible typo. */
    static Optional<String> closest(String wanted, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        if (wanted.length() > 200) {
            return Optional.empty();
        }
        int limit = Math.max(2, wanted.length() / 3);
        for (String n : names) {
            if (Math.abs(n.length() - wanted.length()) > limit) {
                continue;
            }
            int d = distance(wanted.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of two adjacent letters ("Chrage" → "Charge" is 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
