package com.chatshare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.disclosure.SnapshotCheck.Kind;
import com.chatshare.disclosure.SnapshotCheckCorpus.NearMiss;
import com.chatshare.disclosure.SnapshotCheckCorpus.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The detector behind the share dialog's check before sharing, on the corpus and at its edges. */
class SnapshotCheckTest {

    /** The corpus is read as someone in the US would write: national US numbers count. */
    static final SnapshotCheck CHECK = SnapshotCheck.withPhoneRegion("US");

    static final List<Sample> TRUE_POSITIVES = SnapshotCheckCorpus.TRUE_POSITIVES;
    static final List<NearMiss> NEAR_MISSES = SnapshotCheckCorpus.NEAR_MISSES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("TRUE_POSITIVES")
    void finds_the_secret_or_personal_data_in_a_message(Sample sample) {
        List<Finding> findings = CHECK.scan(sample.text());

        assertThat(findings).as("findings in %s", sample.text())
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(sample.kind());
                    assertThat(sample.text().substring(f.start(), f.end())).contains(sample.secret());
                });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NEAR_MISSES")
    void leaves_look_alikes_alone(NearMiss nearMiss) {
        assertThat(CHECK.scan(nearMiss.text())).as("findings in %s", nearMiss.text()).isEmpty();
    }

    @Test
    void the_corpus_covers_every_kind_with_enough_examples() {
        assertThat(TRUE_POSITIVES).hasSizeGreaterThanOrEqualTo(30);
        assertThat(NEAR_MISSES).hasSizeGreaterThanOrEqualTo(30);
        assertThat(TRUE_POSITIVES.stream().map(Sample::kind).distinct()).containsExactlyInAnyOrder(Kind.values());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TRUE_POSITIVES")
    void what_is_shown_never_reveals_more_than_four_characters_of_the_secret(Sample sample) {
        for (Finding finding : CHECK.scan(sample.text())) {
            assertRevealsAtMostFourCharacters(finding.masked(), sample.secret());
            assertRevealsAtMostFourCharacters(finding.toString(), sample.secret());
        }
    }

    @Test
    void findings_inside_code_blocks_point_at_the_markdown_source() {
        String markdown = "Here is my config:\n\n```properties\nspring.datasource.password=pgPw-7731\n```\n";

        Finding finding = CHECK.scan(markdown).getFirst();

        assertThat(markdown.substring(finding.start(), finding.end()))
                .isEqualTo("spring.datasource.password=pgPw-7731");
        assertThat(finding.masked()).isEqualTo("spring.datasource.password=•••");
    }

    @Test
    void findings_come_in_text_order_with_what_to_show() {
        String text = "Mail jane.doe@gmail.com, card 4111 1111 1111 1111, token ghp_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP";

        assertThat(CHECK.scan(text)).extracting(Finding::kind, Finding::label, Finding::masked).containsExactly(
                tuple(Kind.EMAIL, "E-mail address", "j•••@gmail.com"),
                tuple(Kind.PAYMENT_CARD, "Payment card number", "•••• 1111"),
                tuple(Kind.API_KEY, "GitHub token", "ghp_…iAP"));
    }

    @Test
    void markdown_escapes_do_not_hide_a_secret_and_offsets_point_at_the_source() {
        // The demo assistant, and people quoting, escape underscores: the page still shows ghp_….
        String text = "You said: ghp\\_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP and jane\\.doe@gmail.com";

        List<Finding> findings = CHECK.scan(text);

        assertThat(findings).extracting(Finding::kind, Finding::masked)
                .containsExactly(tuple(Kind.API_KEY, "ghp_…iAP"), tuple(Kind.EMAIL, "j•••@gmail.com"));
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
                .isEqualTo("ghp\\_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP");
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo("jane\\.doe@gmail.com");
    }

    @Test
    void one_thing_is_one_finding() {
        // A card number is not also a phone number, a URL's password not also an e-mail address.
        assertThat(CHECK.scan("4111 1111 1111 1111")).singleElement()
                .extracting(Finding::kind).isEqualTo(Kind.PAYMENT_CARD);
        assertThat(CHECK.scan("https://jane:hunter2x@mail.gmail.com/inbox")).singleElement()
                .extracting(Finding::kind).isEqualTo(Kind.PASSWORD);
    }

    @Test
    void a_snapshot_is_checked_message_by_message() {
        List<String> messages = List.of(
                "How do I connect?",
                "Use `postgres://app:S3cr3t-pw@db.internal.corp/app`.",
                "Thanks!",
                "Mail me: jane.doe@gmail.com or call +49 30 901820");

        Map<Integer, List<Finding>> found = CHECK.scanAll(messages);

        assertThat(found.keySet()).containsExactly(1, 3);
        assertThat(found.get(1)).extracting(Finding::kind).containsExactly(Kind.PASSWORD);
        assertThat(found.get(3)).extracting(Finding::kind).containsExactly(Kind.EMAIL, Kind.PHONE);
        assertThat(CHECK.scanAll(List.of("nothing here", "nor here"))).isEmpty();
    }

    @Test
    void without_a_region_only_numbers_with_a_country_code_count() {
        SnapshotCheck international = SnapshotCheck.international();

        assertThat(international.scan("Call (201) 555-0123")).isEmpty();
        assertThat(international.scan("Call +1 201 555 0123")).extracting(Finding::kind).containsExactly(Kind.PHONE);
        assertThat(SnapshotCheck.withPhoneRegion("de").scan("Ruf an: 030 901820"))
                .extracting(Finding::kind, Finding::masked)
                .containsExactly(tuple(Kind.PHONE, "+49 ••• 20"));
    }

    @Test
    void a_locale_with_a_country_finds_its_national_numbers_and_one_without_only_international_ones() {
        assertThat(SnapshotCheck.forLocale(java.util.Locale.GERMANY).scan("Ruf an: 030 901820"))
                .extracting(Finding::kind).containsExactly(Kind.PHONE);
        assertThat(SnapshotCheck.forLocale(java.util.Locale.US)).isSameAs(SnapshotCheck.forLocale(java.util.Locale.US));
        for (java.util.Locale noRegion : new java.util.Locale[] {java.util.Locale.GERMAN,
                java.util.Locale.forLanguageTag("es-419"), java.util.Locale.forLanguageTag("en-XX"), null}) {
            assertThat(SnapshotCheck.forLocale(noRegion)).as("%s", noRegion).isSameAs(SnapshotCheck.international());
        }
    }

    @Test
    void an_unknown_region_is_refused() {
        assertThatThrownBy(() -> SnapshotCheck.withPhoneRegion("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotCheck.withPhoneRegion(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void empty_and_missing_text_has_no_findings() {
        assertThat(CHECK.scan(null)).isEmpty();
        assertThat(CHECK.scan("")).isEmpty();
    }

    @Test
    void the_check_logs_nothing() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = LogManager.getLogManager().getLogger("");
        Level level = root.getLevel();
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        try {
            Stream.concat(TRUE_POSITIVES.stream().map(Sample::text), NEAR_MISSES.stream().map(NearMiss::text))
                    .forEach(text -> {
                        CHECK.scan(text);
                        SnapshotCheck.international().scan(text);
                    });
        } finally {
            root.removeHandler(handler);
            root.setLevel(level);
        }
        assertThat(records).extracting(LogRecord::getMessage).isEmpty();
    }

    static Stream<String> pathological_inputs() {
        int size = 100_000;
        return Stream.of(
                "a".repeat(size),
                "1".repeat(size),
                "1 ".repeat(size / 2),
                "4111-".repeat(size / 5),
                "@".repeat(size),
                "a@".repeat(size / 2),
                "a.".repeat(size / 2) + "@" + "b.".repeat(size / 2),
                "x:jane@gmail.com".repeat(size / 16),
                "password=a1" + "b".repeat(size),
                "password=".repeat(size / 9),
                "password = \"".repeat(size / 12),
                "sk-".repeat(size / 3),
                "sk-" + "A1".repeat(size / 2),
                "ghp_".repeat(size / 4),
                "eyJ".repeat(size / 3),
                "eyJ" + "a".repeat(size / 2) + ".eyJ" + "b".repeat(size / 2),
                "AKIA".repeat(size / 4),
                "AKIAUYEXHVRK56GWC4UA " + "Ab1/".repeat(size / 4),
                "-----BEGIN RSA PRIVATE KEY-----\n".repeat(size / 32),
                "-----BEGIN ".repeat(size / 11),
                "://".repeat(size / 3),
                "https://a:".repeat(size / 10),
                "+1 ".repeat(size / 3),
                "+49 30 9".repeat(size / 8),
                "DE89".repeat(size / 4),
                "DE89 3704 ".repeat(size / 10),
                IntStream.range(0, size / 10).mapToObj(i -> String.format("%09d ", i)).collect(Collectors.joining()));
    }

    @ParameterizedTest(name = "pathological input #{index}")
    @MethodSource("pathological_inputs")
    void a_pathological_message_is_scanned_in_linear_time(String text) {
        // No timing is measured: this only fails if a pattern backtracks without end.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CHECK.scan(text));
    }

    private static void assertRevealsAtMostFourCharacters(String shown, String secret) {
        String shownCharacters = alphanumerics(shown);
        String secretCharacters = alphanumerics(secret);
        for (int i = 0; i + 5 <= secretCharacters.length(); i++) {
            assertThat(shownCharacters).as("what is shown").doesNotContain(secretCharacters.substring(i, i + 5));
        }
    }

    private static String alphanumerics(String s) {
        StringBuilder letters = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
