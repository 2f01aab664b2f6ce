package com.chatshare.disclosure;

import com.chatshare.disclosure.internal.SensitiveText;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The check before sharing: finds what looks like a secret or personal data in the messages of a
 * snapshot, so the share dialog can show each finding next to its message and offer to leave that
 * message out. It warns and never blocks; it keeps nothing, logs nothing, and its findings carry
 * only a masked form of what was found.
 *
 * <p>What it finds (see {@link Kind}): API keys and tokens of common providers (OpenAI, Anthropic,
 * AWS, GitHub, GitLab, Slack, Stripe, Google, JSON Web Tokens), private-key blocks, passwords in
 * URLs and in {@code password = "…"} settings, e-mail addresses, phone numbers, payment-card
 * numbers (Luhn-checked) and IBANs (check digits). Text inside Markdown code blocks counts like any
 * other: keys are pasted in code. Placeholders such as {@code AKIAIOSFODNN7EXAMPLE},
 * {@code ghp_xxxx…}, {@code ${DB_PASSWORD}} or {@code user:password@host}, and addresses at the
 * reserved example domains, are not findings.
 *
 * <p>Phone numbers: {@link #international()} finds only numbers written with their country code
 * ({@code +49 30 901820}); {@link #withPhoneRegion(String)} also finds national numbers of one
 * region ({@code (415) 555-2671} for {@code "US"}) — pass the sharer's country where it is known.
 * Both instances are immutable and thread-safe.
 */
public final class SnapshotCheck {

    private static final SnapshotCheck INTERNATIONAL = new SnapshotCheck(null);
    /** One check per region asked for: at most one per region with a numbering plan (about 250). */
    private static final Map<String, SnapshotCheck> BY_REGION = new ConcurrentHashMap<>();

    private final SensitiveText scanner;

    /** @param phoneRegion the region whose national phone numbers count, or {@code null} for none */
    private SnapshotCheck(@Nullable String phoneRegion) {
        this.scanner = new SensitiveText(phoneRegion);
    }

    /** A check that finds phone numbers only when written with their country code ({@code +…}). */
    public static SnapshotCheck international() {
        return INTERNATIONAL;
    }

    /**
     * A check that also finds national phone numbers of one region, as people there write them.
     *
     * @param regionCode an ISO 3166-1 alpha-2 country code such as {@code "DE"} or {@code "US"}
     *     (case-insensitive), e.g. the country of the sharer's locale
     * @throws IllegalArgumentException if the code is not a region with a numbering plan
     */
    public static SnapshotCheck withPhoneRegion(String regionCode) {
        return new SnapshotCheck(SensitiveText.phoneRegion(regionCode));
    }

    /**
     * The check for a sharer in this locale, e.g. the browser's: national phone numbers of the
     * locale's country too where it has one with a numbering plan ({@code en-US}, {@code de-DE}),
     * else {@link #international()} ({@code en}, {@code es-419}, null).
     */
    public static SnapshotCheck forLocale(@Nullable Locale locale) {
        String country = locale == null ? "" : locale.getCountry();
        if (country.isEmpty()) {
            return INTERNATIONAL;
        }
        try {
            return BY_REGION.computeIfAbsent(SensitiveText.phoneRegion(country), SnapshotCheck::new);
        } catch (IllegalArgumentException e) {
            return INTERNATIONAL;
        }
    }

    /**
     * The findings in one message, in the order they appear, none overlapping another.
     *
     * @param markdown the message's Markdown source; {@code null} counts as empty
     * @return findings whose {@code start}/{@code end} are offsets in {@code markdown}
     */
    public List<Finding> scan(@Nullable String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return List.of();
        }
        if (markdown.indexOf('\\') < 0) {
            return scanner.scan(markdown);
        }
        // Markdown's backslash escapes show as the bare character ("ghp\_…" reads "ghp_…"), so the
        // text is scanned as the reader sees it, with each finding's offsets mapped back to the source.
        StringBuilder shown = new StringBuilder(markdown.length());
        int[] source = new int[markdown.length() + 1];
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && isAsciiPunctuation(markdown.charAt(i + 1))) {
                continue;
            }
            source[shown.length()] = i;
            shown.append(c);
        }
        source[shown.length()] = markdown.length();
        return scanner.scan(shown.toString()).stream()
                .map(f -> new Finding(f.kind(), f.label(), f.masked(), source[f.start()], source[f.end() - 1] + 1))
                .toList();
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /**
     * The findings in every message of a snapshot.
     *
     * @param messages the messages' Markdown sources, in snapshot order
     * @return the findings by message index (0-based), ascending; a message without findings has no
     *     entry, so an empty map means nothing was found
     */
    public SortedMap<Integer, List<Finding>> scanAll(List<String> messages) {
        SortedMap<Integer, List<Finding>> found = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            List<Finding> findings = scan(messages.get(i));
            if (!findings.isEmpty()) {
                found.put(i, findings);
            }
        }
        return Collections.unmodifiableSortedMap(found);
    }

    /** What a finding looks like; {@link #isCredential()} tells secrets from personal data. */
    public enum Kind {
        /** A provider's API key, access token or JSON Web Token. */
        API_KEY(true),
        /** A {@code -----BEGIN … PRIVATE KEY-----} block. */
        PRIVATE_KEY(true),
        /** A password in a URL ({@code scheme://user:password@host}) or in a setting. */
        PASSWORD(true),
        EMAIL(false),
        PHONE(false),
        /** A Luhn-valid number of a known card network. */
        PAYMENT_CARD(false),
        /** An IBAN with valid check digits. */
        IBAN(false);

        private final boolean credential;

        Kind(boolean credential) {
            this.credential = credential;
        }

        /** Whether this gives access to something (a secret), rather than being personal data. */
        public boolean isCredential() {
            return credential;
        }
    }

    /**
     * One thing found in a message.
     *
     * @param kind what it is
     * @param label what it is in words, for the dialog, e.g. "GitHub token" or "E-mail address"
     * @param masked what was found with the secret part hidden, safe to show (e.g.
     *     {@code ghp_…k3Q}, {@code j•••@gmail.com}, {@code •••• 1111}); never the whole value
     * @param start offset of the first character in the message's Markdown source
     * @param end offset after the last character
     */
    public record Finding(Kind kind, String label, String masked, int start, int end) {

        public Finding {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(label);
            Objects.requireNonNull(masked);
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("Not a range: " + start + ".." + end);
            }
        }
    }
}
