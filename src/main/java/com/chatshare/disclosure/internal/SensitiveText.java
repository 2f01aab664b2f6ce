package com.chatshare.disclosure.internal;

import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The scanner behind {@link com.chatshare.disclosure.SnapshotCheck}: runs every rule over one text,
 * most specific first, and keeps a finding only where no earlier rule found something (a card
 * number is not also a phone number, a password in a URL not also an e-mail address).
 *
 * <p>Every rule is linear in the length of the text: its patterns start with fixed text or are
 * anchored where a cheap search found their trigger, and every repetition is bounded.
 */
public final class SensitiveText {

    private final List<Rule> rules;

    /** @param phoneRegion the region whose national phone numbers count, or {@code null} for none */
    public SensitiveText(@Nullable String phoneRegion) {
        PersonalDataRules.@Nullable PhoneRegion region = phoneRegion == null ? null : PersonalDataRules.PhoneRegion.of(phoneRegion);
        this.rules = List.of(
                CredentialRules::privateKeys,
                CredentialRules::providerTokens,
                CredentialRules::awsSecretKeys,
                CredentialRules::passwordsInUrls,
                CredentialRules::passwordSettings,
                PersonalDataRules::ibans,
                PersonalDataRules::paymentCards,
                PersonalDataRules::emailAddresses,
                (text, found) -> PersonalDataRules.phoneNumbers(text, region, found));
    }

    /** The region code libphonenumber knows for a country code, upper-cased. */
    public static String phoneRegion(String regionCode) {
        String region = regionCode == null ? "" : regionCode.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Not a region with a numbering plan: " + regionCode);
        }
        return region;
    }

    public List<Finding> scan(String markdown) {
        Text text = new Text(markdown);
        // start -> end of the findings kept so far; they never overlap, so neighbours tell.
        TreeMap<Integer, Integer> taken = new TreeMap<>();
        List<Finding> kept = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (Rule rule : rules) {
            found.clear();
            rule.find(text, found);
            for (Finding finding : found) {
                if (isFree(taken, finding.start(), finding.end())) {
                    taken.put(finding.start(), finding.end());
                    kept.add(finding);
                }
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }

    private static boolean isFree(TreeMap<Integer, Integer> taken, int start, int end) {
        Map.Entry<Integer, Integer> before = taken.floorEntry(start);
        if (before != null && before.getValue() > start) {
            return false;
        }
        Map.Entry<Integer, Integer> after = taken.ceilingEntry(start);
        return after == null || after.getKey() >= end;
    }

    /** One kind of thing to look for. */
    @FunctionalInterface
    interface Rule {
        void find(Text text, List<Finding> found);
    }

    /** A message's text, with a lower-cased copy made once for the rules' quick "is it here at all" checks. */
    static final class Text {

        final String value;
        /** Made on first use. */
        private @Nullable String lower;
        /** Found on first use. */
        private int @Nullable [] digitRuns;

        Text(String value) {
            this.value = value;
        }

        /** Whether the text holds {@code lowerCaseWord} in any case; cheaper than any pattern. */
        boolean mentions(String lowerCaseWord) {
            return lower().contains(lowerCaseWord);
        }

        /**
         * Where the text holds {@code lowerCaseWord} in any case, from {@code from} on, or -1: lets a
         * case-insensitive pattern start only where its first word is.
         */
        int indexOfIgnoringCase(String lowerCaseWord, int from) {
            if (lower().length() == value.length()) {
                return lower.indexOf(lowerCaseWord, from);
            }
            // A few letters lower-case to two characters, and then offsets differ: compare in place.
            for (int i = Math.max(0, from); i + lowerCaseWord.length() <= value.length(); i++) {
                if (value.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Where each run of digits starts, in one pass shared by the rules that look for numbers
         * (IBANs, cards, phone numbers): they then visit only those places.
         */
        int[] digitRuns() {
            if (digitRuns == null) {
                int[] runs = new int[16];
                int count = 0;
                boolean inRun = false;
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    boolean digit = c >= '0' && c <= '9';
                    if (digit && !inRun) {
                        if (count == runs.length) {
                            runs = Arrays.copyOf(runs, count * 2);
                        }
                        runs[count++] = i;
                    }
                    inRun = digit;
                }
                digitRuns = Arrays.copyOf(runs, count);
            }
            return digitRuns;
        }

        private String lower() {
            if (lower == null) {
                lower = value.toLowerCase(Locale.ROOT);
            }
            return lower;
        }

        boolean contains(String exact) {
            return value.contains(exact);
        }

        int length() {
            return value.length();
        }

        char charAt(int index) {
            return value.charAt(index);
        }
    }
}
