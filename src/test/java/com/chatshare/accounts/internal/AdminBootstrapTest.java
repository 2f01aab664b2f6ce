package com.chatshare.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.chatshare.accounts.Registration;
import com.chatshare.accounts.RegistrationException;
import com.chatshare.security.AppRoles;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The production admin comes from the environment, only while no admin exists, and never with a default. */
class AdminBootstrapTest {

    AccountRepository accounts = mock(AccountRepository.class);
    AccountCreation creation = mock(AccountCreation.class);

    @Test
    void creates_the_admin_from_the_environment_when_none_exists() throws Exception {
        when(accounts.existsWithRole(AppRoles.ADMIN)).thenReturn(false);

        new AdminBootstrap(new AdminBootstrapProperties("root-admin", "a-long-admin-password", null), accounts,
                creation).run(null);

        ArgumentCaptor<Registration> registration = ArgumentCaptor.forClass(Registration.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Set<String>> roles = ArgumentCaptor.forClass(Set.class);
        verify(creation).create(registration.capture(), roles.capture());
        assertThat(registration.getValue().username()).isEqualTo("root-admin");
        assertThat(roles.getValue()).contains(AppRoles.ADMIN, AppRoles.MODERATOR, AppRoles.USER);
    }

    @Test
    void creates_nothing_without_the_variables() throws Exception {
        when(accounts.existsWithRole(AppRoles.ADMIN)).thenReturn(false);

        new AdminBootstrap(new AdminBootstrapProperties(null, null, null), accounts, creation).run(null);

        verify(creation, never()).create(any(), anySet());
    }

    @Test
    void leaves_an_existing_admin_alone() throws Exception {
        when(accounts.existsWithRole(AppRoles.ADMIN)).thenReturn(true);

        new AdminBootstrap(new AdminBootstrapProperties("root-admin", "a-long-admin-password", null), accounts,
                creation).run(null);

        verify(creation, never()).create(any(), anySet());
    }

    @Test
    void a_password_that_breaks_the_rules_stops_the_start_with_a_clear_message() {
        when(accounts.existsWithRole(AppRoles.ADMIN)).thenReturn(false);
        when(creation.create(any(), anySet())).thenThrow(new RegistrationException(
                Map.of(Registration.Field.PASSWORD, "Password must be at least 10 characters.")));

        assertThatThrownBy(() -> new AdminBootstrap(new AdminBootstrapProperties("root-admin", "short", null),
                accounts, creation).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 10 characters");
    }
}
