package com.chatshare.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.accounts.internal.AccountRepository;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class RegistrationViewTest extends KaribuTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    TextField username;
    TextField displayName;
    PasswordField password;

    @BeforeEach
    void openRegistration() {
        UI.getCurrent().navigate(RegistrationView.class);
        username = _get(TextField.class, spec -> spec.withId("username"));
        displayName = _get(TextField.class, spec -> spec.withId("display-name"));
        password = _get(PasswordField.class, spec -> spec.withId("password"));
    }

    @Test
    void valid_registration_creates_an_account_and_signs_it_in_through_the_sign_in_form() {
        fill("new-user_1.a", "New User", "long-enough-password");

        submit();

        var account = accounts.findByUsername("new-user_1.a").orElseThrow();
        assertThat(account.getDisplayName()).isEqualTo("New User");
        assertThat(account.getRoles()).containsExactly("USER");
        assertThat(account.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("long-enough-password");
        assertThat(passwordEncoder.matches("long-enough-password", account.getPasswordHash())).isTrue();
        // The browser posts the ordinary sign-in form with the username and the password still in
        // its field (DailyUseJourneyBrowserIT follows it in Chromium): the server never sends it back.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        var signIn = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(invocation -> invocation.getInvocation())
                .filter(js -> js.getExpression().contains("form.action = 'login'"))
                .toList();
        assertThat(signIn).hasSize(1);
        assertThat(signIn.getFirst().getParameters()).contains("new-user_1.a").doesNotContain("long-enough-password");
    }

    @Test
    void too_short_username_has_its_own_message_and_keeps_what_was_typed() {
        fill("ab", "Someone", "long-enough-password");

        submit();

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Username must be 3–32 characters long.");
        assertThat(displayName.isInvalid()).isFalse();
        assertTypedValuesKept("ab", "Someone", "long-enough-password");
        assertThat(accounts.existsByUsername("ab")).isFalse();
    }

    @Test
    void username_with_forbidden_characters_has_its_own_message() {
        fill("Bad Name!", "Someone", "long-enough-password");

        submit();

        assertThat(username.getErrorMessage())
                .isEqualTo("Username may only contain lowercase letters a–z, digits 0–9, and . _ -");
        assertTypedValuesKept("Bad Name!", "Someone", "long-enough-password");
    }

    @Test
    void blank_display_name_has_its_own_message() {
        fill("blank-display", "   ", "long-enough-password");

        submit();

        assertThat(displayName.isInvalid()).isTrue();
        assertThat(displayName.getErrorMessage()).isEqualTo("Enter a display name.");
        assertThat(username.isInvalid()).isFalse();
        assertThat(accounts.existsByUsername("blank-display")).isFalse();
    }

    @Test
    void display_name_longer_than_80_characters_has_its_own_message() {
        fill("long-display", "x".repeat(81), "long-enough-password");

        submit();

        assertThat(displayName.getErrorMessage()).isEqualTo("Display name must be at most 80 characters.");
    }

    @Test
    void short_password_has_its_own_message_and_the_password_stays() {
        fill("short-pass", "Someone", "123456789");

        submit();

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Password must be at least 10 characters.");
        assertTypedValuesKept("short-pass", "Someone", "123456789");
        assertThat(accounts.existsByUsername("short-pass")).isFalse();
    }

    @Test
    void duplicate_username_is_refused_and_nothing_typed_is_lost() {
        fill("alice", "Another Alice", "long-enough-password");

        submit();

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("This username is already taken. Choose another one.");
        assertTypedValuesKept("alice", "Another Alice", "long-enough-password");
        assertThat(accounts.findByUsername("alice").orElseThrow().getDisplayName()).isEqualTo("Alice Example");
    }

    @Test
    void every_broken_rule_is_shown_at_once() {
        fill("x", "", "short");

        submit();

        assertThat(username.isInvalid()).isTrue();
        assertThat(displayName.isInvalid()).isTrue();
        assertThat(password.isInvalid()).isTrue();
    }

    @Test
    void fixing_a_field_clears_its_message() {
        fill("ab", "Someone", "long-enough-password");
        submit();

        username.setValue("abc-fixed");

        assertThat(username.isInvalid()).isFalse();
    }

    private void fill(String user, String name, String pass) {
        // Karibu's _setValue reaches into a Vaadin internal that changed in 25.2; setValue fires
        // the same value-change listeners the view relies on.
        username.setValue(user);
        displayName.setValue(name);
        password.setValue(pass);
    }

    private void submit() {
        _click(_get(Button.class, spec -> spec.withId("create-account")));
    }

    private void assertTypedValuesKept(String user, String name, String pass) {
        assertThat(username.getValue()).isEqualTo(user);
        assertThat(displayName.getValue()).isEqualTo(name);
        assertThat(password.getValue()).isEqualTo(pass);
    }
}
