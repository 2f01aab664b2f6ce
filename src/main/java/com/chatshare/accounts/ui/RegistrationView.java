package com.chatshare.accounts.ui;

import com.chatshare.accounts.Account;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.accounts.RegistrationException;
import com.chatshare.base.ui.Notifications;
import com.chatshare.security.ClientAddress;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.server.VaadinSession;
import com.chatshare.security.SignInDestination;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Self-registration. Each rule has its own message beside its field, and an error never clears
 * what the person typed.
 */
@Route(value = "register", autoLayout = false)
@PageTitle("Create an account · Chatshare")
@AnonymousAllowed
public class RegistrationView extends VerticalLayout {

    private final transient AccountService accountService;
    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final PasswordField password = new PasswordField("Password");
    private final Map<Registration.Field, RuledField> fields = new EnumMap<>(Registration.Field.class);

    RegistrationView(AccountService accountService, SignInDestination destination) {
        this.accountService = accountService;
        setSizeFull();
        setAlignItems(Alignment.CENTER);

        username.setId("username");
        username.setMaxLength(Account.USERNAME_MAX_LENGTH);
        username.setHelperText(Account.USERNAME_MIN_LENGTH + "–" + Account.USERNAME_MAX_LENGTH
                + " characters: lowercase letters, digits, and . _ -");
        username.setAutocomplete(Autocomplete.USERNAME);
        displayName.setId("display-name");
        displayName.setMaxLength(Account.DISPLAY_NAME_MAX_LENGTH);
        displayName.setHelperText("Shown to others when you share with your name");
        password.setId("password");
        password.setHelperText("At least " + Account.PASSWORD_MIN_LENGTH + " characters");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);

        fields.put(Registration.Field.USERNAME, new RuledField(username, Registration::usernameProblem));
        fields.put(Registration.Field.DISPLAY_NAME, new RuledField(displayName, Registration::displayNameProblem));
        fields.put(Registration.Field.PASSWORD, new RuledField(password, Registration::passwordProblem));
        fields.values().forEach(RuledField::revalidateWhenEdited);

        Button create = new Button("Create account", event -> register());
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setWidthFull();

        // On the way to somewhere (continue a shared chat): say so; the sign-in after it goes there.
        H1 heading = new H1(destination.purpose(VaadinSession.getCurrent().getSession())
                .map(purpose -> "Create an account to " + purpose).orElse("Create an account"));
        heading.setId("register-heading");
        // The sign-in page is no Vaadin view: the browser loads it, the router does not look for it.
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setRouterIgnore(true);
        signIn.setId("sign-in-link");
        VerticalLayout card = new VerticalLayout(heading, username, displayName, password, create,
                new Paragraph(new Text("Already have an account? "), signIn));
        card.addClassName("auth-card");
        card.setPadding(false);
        card.setMaxWidth("26rem");
        username.setWidthFull();
        displayName.setWidthFull();
        password.setWidthFull();
        add(card);
    }

    private void register() {
        boolean valid = true;
        for (RuledField field : fields.values()) {
            valid &= field.validate();
        }
        if (!valid) {
            return;
        }
        try {
            com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
            accountService.register(new Registration(username.getValue(), displayName.getValue(), password.getValue()),
                    request == null ? null : ClientAddress.parse(request.getRemoteAddr()).orElse(null));
            signIn();
        } catch (RegistrationException e) {
            e.problems().forEach((field, message) -> fields.get(field).showError(message));
        }
    }

    /**
     * Signs the new account in through the ordinary sign-in (the same form post, CSRF token,
     * throttle and session renewal as the sign-in page), with the password still in its field in
     * the browser: it is never sent back from the server. Spring Security then opens what the
     * visitor was on their way to (continuing a shared chat), or a new chat.
     */
    private void signIn() {
        getElement().executeJs("""
                const form = document.createElement('form');
                form.method = 'POST';
                form.action = 'login';
                form.hidden = true;
                const add = (name, value) => {
                  const input = document.createElement('input');
                  input.type = 'hidden';
                  input.name = name;
                  input.value = value;
                  form.appendChild(input);
                };
                add('username', $0);
                add('password', $1.value);
                const csrfName = document.querySelector('meta[name=_csrf_parameter]');
                const csrfValue = document.querySelector('meta[name=_csrf]');
                if (csrfName && csrfValue) {
                  add(csrfName.content, csrfValue.content);
                }
                document.body.appendChild(form);
                form.submit();
                """, username.getValue(), password.getElement());
    }

    /** A field with the rule that checks it; errors go beside the field, the value stays. */
    private record RuledField(AbstractField<?, String> field, Function<String, Optional<String>> rule) {

        boolean validate() {
            Optional<String> problem = rule.apply(field.getValue());
            problem.ifPresentOrElse(this::showError, this::clearError);
            return problem.isEmpty();
        }

        void showError(String message) {
            ((HasValidation) field).setErrorMessage(message);
            ((HasValidation) field).setInvalid(true);
        }

        void clearError() {
            ((HasValidation) field).setInvalid(false);
        }

        void revalidateWhenEdited() {
            field.addValueChangeListener(event -> {
                if (((HasValidation) field).isInvalid()) {
                    validate();
                }
            });
        }
    }
}
