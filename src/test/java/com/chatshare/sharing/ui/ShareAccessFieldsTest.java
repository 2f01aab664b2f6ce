package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PolicyFixtures;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharing.ShareRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The share dialog's "Who can open it" and "Expires", used as the owner uses them. */
class ShareAccessFieldsTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ConversationSummary conversation;

    @BeforeEach
    void aliceWithAConversation() {
        login("alice");
        SignedIn.as(users, "alice");
        conversation = conversations.importConversation("Access test " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Who may read this?"),
                new ChatTurn(MessageRole.ASSISTANT, "Whoever you choose.")));
        login("alice");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        PolicyFixtures.reset(jdbc);
    }

    @SuppressWarnings("unchecked")
    private static Select<ShareAudience> audience() {
        return _get(Select.class, spec -> spec.withId("share-audience"));
    }

    @SuppressWarnings("unchecked")
    private static Select<ShareAccessFields.Expiry> expires() {
        return _get(Select.class, spec -> spec.withId("share-expires"));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<String> people() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("share-people"));
    }

    private void open() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    private static void copyLink() {
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
    }

    private ShareDetails shared() {
        return shares.findShare(conversation.id()).orElseThrow();
    }

    private static String notice() {
        return _get(ShareDialog.class).getElement().getTextRecursively();
    }

    @Test
    void the_defaults_are_anyone_and_never_so_copy_link_stays_one_click() {
        open();

        assertThat(audience().getValue()).isEqualTo(ShareAudience.ANYONE);
        assertThat(expires().getValue()).isEqualTo(ShareAccessFields.Expiry.NEVER);
        assertThat(_find(MultiSelectComboBox.class, spec -> spec.withId("share-people"))).as("hidden").isEmpty();
        copyLink();

        assertThat(shared().settings()).isEqualTo(ShareSettings.ANYONE_FOREVER);
        assertThat(_get(TextField.class, spec -> spec.withId("share-url")).getValue())
                .endsWith(shared().path()).doesNotEndWith("/view");
    }

    @Test
    void signed_in_only_for_seven_days_gives_the_signed_in_link() {
        open();

        audience().setValue(ShareAudience.SIGNED_IN);
        assertThat(notice()).contains(ShareDialog.NOTICE_SIGNED_IN).doesNotContain(ShareDialog.NOTICE);
        expires().setValue(ShareAccessFields.Expiry.WEEK);
        copyLink();

        ShareDetails details = shared();
        assertThat(details.settings().audience()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(details.settings().expiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(7)),
                within(1, ChronoUnit.MINUTES));
        assertThat(_get(TextField.class, spec -> spec.withId("share-url")).getValue()).endsWith("/view");
        assertThat(audience().getValue()).as("shown again as stored").isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(expires().getValue()).isEqualTo(ShareAccessFields.Expiry.KEEP);
    }

    @Test
    void specific_people_must_exist_and_a_refusal_keeps_what_was_typed() {
        open();

        audience().setValue(ShareAudience.PEOPLE);
        assertThat(people().isVisible()).isTrue();
        people().setValue(Set.of("bob", "no-such-person"));
        copyLink();

        assertThat(people().isInvalid()).isTrue();
        assertThat(people().getErrorMessage()).isEqualTo("There is no account named no-such-person. Check the usernames.");
        assertThat(people().getValue()).containsExactlyInAnyOrder("bob", "no-such-person");
        assertThat(audience().getValue()).isEqualTo(ShareAudience.PEOPLE);
        assertThat(shares.findShare(conversation.id())).isEmpty();

        people().setValue(Set.of("bob"));
        copyLink();

        assertThat(shared().settings().audience()).isEqualTo(ShareAudience.PEOPLE);
        assertThat(shared().settings().people()).containsExactly("bob");
        assertThat(people().getValue()).containsExactly("bob");
    }

    @Test
    void a_date_in_the_past_is_refused_on_the_date_field() {
        open();

        expires().setValue(ShareAccessFields.Expiry.DATE);
        DatePicker date = _get(DatePicker.class, spec -> spec.withId("share-expiry-date"));
        assertThat(date.isVisible()).isTrue();
        date.setValue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2));
        copyLink();

        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("Choose an expiry in the future.");
        assertThat(shares.findShare(conversation.id())).isEmpty();

        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        date.setValue(tomorrow);
        copyLink();

        assertThat(shared().settings().expiresAt())
                .as("until the end of the chosen day").isEqualTo(tomorrow.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
    }

    @Test
    void an_expired_link_says_so_in_the_dialog_and_renews_with_update() {
        SignedIn.as(users, "alice");
        shares.share(ShareRequest.of(conversation.id(), "soon expired", ShareVisibility.ANONYMOUS)
                .withSettings(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1)))));
        clock.advance(Duration.ofDays(2));
        login("alice");
        open();

        assertThat(_get(Div.class, spec -> spec.withId("share-status")).getElement().getTextRecursively())
                .startsWith("Expired");
        expires().setValue(ShareAccessFields.Expiry.MONTH);
        copyLink();

        assertThat(shared().expired()).isFalse();
        assertThat(_find(Div.class, spec -> spec.withId("share-status"))).as("no status shown").isEmpty();
    }

    @Test
    void the_dialog_offers_what_the_sharing_policy_allows_and_starts_with_its_default() {
        PolicyFixtures.store(jdbc, new SharingPolicy(false, ShareAudience.SIGNED_IN, Duration.ofDays(7), false));
        open();

        assertThat(audience().getListDataView().getItems().toList())
                .containsExactly(ShareAudience.SIGNED_IN, ShareAudience.PEOPLE);
        assertThat(audience().getValue()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(expires().getListDataView().getItems().toList()).containsExactly(ShareAccessFields.Expiry.NEVER,
                ShareAccessFields.Expiry.DAY, ShareAccessFields.Expiry.WEEK, ShareAccessFields.Expiry.DATE);
        copyLink();

        assertThat(shared().settings().audience()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(_get(TextField.class, spec -> spec.withId("share-url")).getValue()).endsWith("/view");
    }
}
