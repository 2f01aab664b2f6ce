package com.chatshare.sharing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a link can be sent from the share dialog's share sheet: the share addresses of email and
 * the social networks for a link's URL and title, and which of them a link offers. Plain Java, no
 * UI: the sheet shows what {@link #forLink} decides.
 *
 * <p>Every title and URL goes into a query parameter percent-encoded as RFC 3986 and RFC 6068 ask
 * (UTF-8, everything but the unreserved characters {@code A-Z a-z 0-9 - . _ ~} encoded, a space as
 * {@code %20}, never {@code +}), so no title can end its parameter, start another, or become the
 * address's fragment.
 */
public final class ShareTargets {

    /** The line for a link that only signed-in people can open. */
    public static final String ONLY_SIGNED_IN = "Only people signed in to Chatshare can open this link.";
    /** The line for a link for the people the owner listed. */
    public static final String ONLY_PEOPLE = "Only the people you listed can open this link, signed in.";

    /** The places the sheet sends a link to. */
    public enum Target {
        EMAIL("Email", "Share by email", false),
        X("X", "Share on X", true),
        LINKEDIN("LinkedIn", "Share on LinkedIn", true),
        REDDIT("Reddit", "Share on Reddit", true),
        WHATSAPP("WhatsApp", "Share on WhatsApp", true);

        private final String label;
        private final String ariaLabel;
        private final boolean newTab;

        Target(String label, String ariaLabel, boolean newTab) {
            this.label = label;
            this.ariaLabel = ariaLabel;
            this.newTab = newTab;
        }

        /** The item's visible name. */
        public String label() {
            return label;
        }

        /** What a screen reader says for the item. */
        public String ariaLabel() {
            return ariaLabel;
        }

        /** A web address, opened in a new tab; email is a {@code mailto:} the mail program opens. */
        public boolean opensInNewTab() {
            return newTab;
        }
    }

    /** One item of the sheet: a target and its address for the link. */
    public record Address(Target target, String href) {
    }

    /**
     * What the sheet offers for one link.
     *
     * @param url the link's absolute URL, which the QR code and the system share sheet carry
     * @param title the link's title, as the page shows it
     * @param addresses the items, in the order shown: email first
     * @param systemShare whether the device's own share sheet (Web Share API) may be offered
     * @param audienceNote who can open a restricted link; null for a public one
     */
    public record Offer(String url, String title, List<Address> addresses, boolean systemShare,
            @Nullable String audienceNote) {

        public Offer {
            addresses = List.copyOf(addresses);
        }

        /** The QR code's file name: {@code chatshare-<title>-qr.png}, the title made safe for a file name. */
        public String qrFileName() {
            return "chatshare-" + fileNamePart(title) + "-qr.png";
        }

        public Optional<Address> address(Target target) {
            return addresses.stream().filter(address -> address.target() == target).findFirst();
        }
    }

    private static final int FILE_NAME_TITLE_MAX = 60;

    private ShareTargets() {
    }

    /**
     * What the sheet offers for a link: every item for a link anyone can open; email and the QR
     * code only, with a line saying who can open it, for a link for signed-in users or listed
     * people; nothing (empty) for an expired or taken-down link, which answers like a deleted one.
     *
     * @param url the link's absolute URL
     */
    public static Optional<Offer> forLink(ShareDetails link, String url) {
        if (link.expired() || link.isTakenDown()) {
            return Optional.empty();
        }
        String title = link.title();
        return Optional.of(switch (link.settings().audience()) {
            case ANYONE -> new Offer(url, title, all(url, title), true, null);
            case SIGNED_IN -> new Offer(url, title, List.of(email(url, title)), false, ONLY_SIGNED_IN);
            case PEOPLE -> new Offer(url, title, List.of(email(url, title)), false, ONLY_PEOPLE);
        });
    }

    /** Every target's address for a URL and title, email first. */
    public static List<Address> all(String url, String title) {
        return List.of(email(url, title), x(url, title), linkedIn(url), reddit(url, title), whatsApp(url, title));
    }

    /** {@code mailto:} with the title as subject and the title and URL on two lines as body (RFC 6068). */
    public static Address email(String url, String title) {
        // RFC 6068: a line break in the body is %0D%0A.
        return new Address(Target.EMAIL, "mailto:?subject=" + encode(title) + "&body=" + encode(title + "\r\n" + url));
    }

    public static Address x(String url, String title) {
        return new Address(Target.X, "https://x.com/intent/post?text=" + encode(title) + "&url=" + encode(url));
    }

    /** LinkedIn takes the URL alone and reads the title from the page. */
    public static Address linkedIn(String url) {
        return new Address(Target.LINKEDIN, "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url));
    }

    public static Address reddit(String url, String title) {
        return new Address(Target.REDDIT, "https://www.reddit.com/submit?url=" + encode(url) + "&title=" + encode(title));
    }

    /** WhatsApp takes one text: the title, a space and the URL. */
    public static Address whatsApp(String url, String title) {
        return new Address(Target.WHATSAPP, "https://wa.me/?text=" + encode(title + " " + url));
    }

    /** Percent-encodes UTF-8 text for a query parameter: all but {@code A-Z a-z 0-9 - . _ ~}. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Lowercase ASCII letters and digits joined by single dashes, at most 60; "chat" when none are left. */
    static String fileNamePart(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > FILE_NAME_TITLE_MAX) {
            slug = slug.substring(0, FILE_NAME_TITLE_MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "chat" : slug;
    }
}
