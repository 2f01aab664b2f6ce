package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.sharing.ShareTargets.Address;
import com.chatshare.sharing.ShareTargets.Offer;
import com.chatshare.sharing.ShareTargets.Target;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShareTargetsTest {

    static final String URL = "https://chat.example.org/share/AZaz09-_AZaz09-_AZaz09";

    static List<String> hostileTitles() {
        return List.of(
                "Plain title",
                "Quotes \" and ' and <b>tags</b>",
                "Tom & Jerry&url=https://evil.example&text=owned",
                "Fragment #section ?query=1 ; a=b",
                "Line one\nLine two\r\nbcc=victim@example.org",
                "javascript:alert(document.cookie)",
                "\u202Eevil.exe\u200F RTL \u200E marks \u2066isolate\u2069",
                "Percent %41 %0A %%%% and plus + signs",
                "Unicode: ünïcödé, 日本語, 🎉 emoji, \u0000 nul",
                "x".repeat(300),
                " leading and trailing spaces ");
    }

    @ParameterizedTest
    @MethodSource("hostileTitles")
    void every_address_decodes_back_to_the_title_and_the_url_and_nothing_else(String title) {
        Map<String, String> email = params(ShareTargets.email(URL, title), "mailto:");
        assertThat(email).containsExactly(Map.entry("subject", title), Map.entry("body", title + "\r\n" + URL));

        assertThat(params(ShareTargets.x(URL, title), "https://x.com/intent/post"))
                .containsExactly(Map.entry("text", title), Map.entry("url", URL));
        assertThat(params(ShareTargets.linkedIn(URL), "https://www.linkedin.com/sharing/share-offsite/"))
                .containsExactly(Map.entry("url", URL));
        assertThat(params(ShareTargets.reddit(URL, title), "https://www.reddit.com/submit"))
                .containsExactly(Map.entry("url", URL), Map.entry("title", title));
        assertThat(params(ShareTargets.whatsApp(URL, title), "https://wa.me/"))
                .containsExactly(Map.entry("text", title + " " + URL));
    }

    @ParameterizedTest
    @MethodSource("hostileTitles")
    void no_address_carries_a_character_that_could_end_its_parameter_or_the_attribute(String title) {
        for (Address address : ShareTargets.all(URL, title)) {
            String query = address.href().substring(address.href().indexOf('?') + 1);
            // Only the unreserved characters, the escapes and the separators the address puts there itself.
            assertThat(query).as(address.target().name()).matches("[A-Za-z0-9._~%=&-]*");
            assertThat(query.split("&")).as("one & per parameter the address has")
                    .hasSize(address.target() == Target.LINKEDIN || address.target() == Target.WHATSAPP ? 1 : 2);
            assertThat(URI.create(address.href()).getFragment()).as("no fragment").isNull();
        }
    }

    @Test
    void spaces_are_percent_20_never_plus_and_the_addresses_are_the_documented_ones() {
        String title = "Hiking plans & gear";

        assertThat(ShareTargets.email(URL, title).href()).isEqualTo("mailto:?subject=Hiking%20plans%20%26%20gear"
                + "&body=Hiking%20plans%20%26%20gear%0D%0Ahttps%3A%2F%2Fchat.example.org%2Fshare%2FAZaz09-_AZaz09-_AZaz09");
        assertThat(ShareTargets.x(URL, title).href()).isEqualTo("https://x.com/intent/post?text=Hiking%20plans%20%26%20gear"
                + "&url=https%3A%2F%2Fchat.example.org%2Fshare%2FAZaz09-_AZaz09-_AZaz09");
        assertThat(ShareTargets.linkedIn(URL).href()).isEqualTo("https://www.linkedin.com/sharing/share-offsite/"
                + "?url=https%3A%2F%2Fchat.example.org%2Fshare%2FAZaz09-_AZaz09-_AZaz09");
        assertThat(ShareTargets.reddit(URL, title).href()).isEqualTo("https://www.reddit.com/submit"
                + "?url=https%3A%2F%2Fchat.example.org%2Fshare%2FAZaz09-_AZaz09-_AZaz09&title=Hiking%20plans%20%26%20gear");
        assertThat(ShareTargets.whatsApp(URL, title).href()).isEqualTo("https://wa.me/?text=Hiking%20plans%20%26%20gear"
                + "%20https%3A%2F%2Fchat.example.org%2Fshare%2FAZaz09-_AZaz09-_AZaz09");
        assertThat(ShareTargets.encode("a+b c~é")).isEqualTo("a%2Bb%20c~%C3%A9");
    }

    @Test
    void a_public_link_offers_every_item_and_the_system_share_sheet() {
        Offer offer = ShareTargets.forLink(link(ShareAudience.ANYONE, false, ShareStatus.ACTIVE), URL).orElseThrow();

        assertThat(offer.addresses()).extracting(Address::target)
                .containsExactly(Target.EMAIL, Target.X, Target.LINKEDIN, Target.REDDIT, Target.WHATSAPP);
        assertThat(offer.addresses()).isEqualTo(ShareTargets.all(URL, "Trail plans"));
        assertThat(offer.systemShare()).isTrue();
        assertThat(offer.audienceNote()).isNull();
        assertThat(offer.url()).isEqualTo(URL);
    }

    @Test
    void a_link_for_signed_in_users_offers_email_only_and_says_who_can_open_it() {
        Offer offer = ShareTargets.forLink(link(ShareAudience.SIGNED_IN, false, ShareStatus.ACTIVE), URL).orElseThrow();

        assertThat(offer.addresses()).extracting(Address::target).containsExactly(Target.EMAIL);
        assertThat(offer.systemShare()).as("the system sheet reaches the social apps too").isFalse();
        assertThat(offer.audienceNote()).isEqualTo(ShareTargets.ONLY_SIGNED_IN);
    }

    @Test
    void a_link_for_listed_people_offers_email_only_and_says_who_can_open_it() {
        Offer offer = ShareTargets.forLink(link(ShareAudience.PEOPLE, false, ShareStatus.ACTIVE), URL).orElseThrow();

        assertThat(offer.addresses()).extracting(Address::target).containsExactly(Target.EMAIL);
        assertThat(offer.systemShare()).isFalse();
        assertThat(offer.audienceNote()).isEqualTo(ShareTargets.ONLY_PEOPLE);
    }

    @Test
    void an_expired_or_taken_down_link_offers_nothing() {
        for (ShareAudience audience : ShareAudience.values()) {
            assertThat(ShareTargets.forLink(link(audience, true, ShareStatus.ACTIVE), URL)).as(audience + " expired")
                    .isEmpty();
            assertThat(ShareTargets.forLink(link(audience, false, ShareStatus.TAKEN_DOWN), URL))
                    .as(audience + " taken down").isEmpty();
        }
    }

    @Test
    void the_qr_file_name_carries_the_title_made_safe() {
        assertThat(offer("Hiking plans & gear!").qrFileName()).isEqualTo("chatshare-hiking-plans-gear-qr.png");
        assertThat(offer("Ünïcödé Café").qrFileName()).isEqualTo("chatshare-unicode-cafe-qr.png");
        assertThat(offer("../../etc/passwd\r\n\"; x=").qrFileName()).isEqualTo("chatshare-etc-passwd-x-qr.png");
        assertThat(offer("日本語 🎉").qrFileName()).isEqualTo("chatshare-chat-qr.png");
        assertThat(offer("a".repeat(300)).qrFileName()).isEqualTo("chatshare-" + "a".repeat(60) + "-qr.png");
    }

    private static Offer offer(String title) {
        return new Offer(URL, title, List.of(), true, null);
    }

    /** One place that builds a link, so a new field of ShareDetails changes one line here. */
    private static ShareDetails link(ShareAudience audience, boolean expired, ShareStatus status) {
        Instant now = Instant.parse("2026-12-07T18:00:00Z");
        return new ShareDetails(1, 2, "/share/AZaz09-_AZaz09-_AZaz09", "Trail plans", ShareVisibility.ANONYMOUS, status,
                status == ShareStatus.TAKEN_DOWN ? "Spam" : null, now, now, 0, 0,
                new ShareSettings(audience, audience == ShareAudience.PEOPLE ? List.of("bob") : List.of(), null),
                expired, 1, false, false);
    }

    /**
     * The parameters of an address whose part before the query is {@code base}, decoded strictly
     * (a {@code +} stays a plus), in their order.
     */
    private static Map<String, String> params(Address address, String base) {
        String href = address.href();
        assertThat(href).startsWith(base + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : href.substring(base.length() + 1).split("&", -1)) {
            int equals = pair.indexOf('=');
            assertThat(equals).as(pair).isPositive();
            assertThat(params.put(pair.substring(0, equals), percentDecode(pair.substring(equals + 1))))
                    .as("no parameter twice").isNull();
        }
        return params;
    }

    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
