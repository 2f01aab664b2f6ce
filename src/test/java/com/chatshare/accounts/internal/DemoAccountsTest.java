package com.chatshare.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.chatshare.accounts.Account;
import com.chatshare.base.demo.DemoModeProperties;
import com.chatshare.security.AppRoles;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Demo accounts come only with demo mode; out of it, one left with its known password is reported. */
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTest {

    AccountRepository accounts = mock(AccountRepository.class);
    AccountCreation creation = mock(AccountCreation.class);
    PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void demo_mode_creates_the_four_demo_accounts() throws Exception {
        when(accounts.existsByUsername(anyString())).thenReturn(false);

        demoAccounts(true).run(null);

        verify(creation, times(4)).create(any(), anySet());
    }

    @Test
    void demo_mode_creates_no_demo_account_in_a_database_that_holds_other_accounts(CapturedOutput output)
            throws Exception {
        when(accounts.existsByUsername(anyString())).thenReturn(false);
        when(accounts.existsByUsernameNotIn(anyCollection())).thenReturn(true);

        demoAccounts(true).run(null);

        verify(creation, never()).create(any(), anySet());
        assertThat(output).contains("ERROR").contains("already holds accounts other than the demo ones")
                .contains("NOT created");
    }

    @Test
    void demo_mode_adds_nothing_and_says_nothing_when_the_demo_accounts_are_there(CapturedOutput output)
            throws Exception {
        when(accounts.existsByUsername(anyString())).thenReturn(true);
        when(accounts.existsByUsernameNotIn(anyCollection())).thenReturn(true);

        demoAccounts(true).run(null);

        verify(creation, never()).create(any(), anySet());
        assertThat(output).doesNotContain("NOT created");
    }

    @Test
    void without_demo_mode_no_demo_account_is_created() throws Exception {
        when(accounts.existsByUsername(anyString())).thenReturn(false);
        when(accounts.findByUsername(anyString())).thenReturn(Optional.empty());

        demoAccounts(false).run(null);

        verify(creation, never()).create(any(), anySet());
    }

    @Test
    void without_demo_mode_a_demo_account_left_with_its_known_password_is_reported(CapturedOutput output)
            throws Exception {
        when(accounts.findByUsername(anyString())).thenReturn(Optional.empty());
        when(accounts.findByUsername("admin")).thenReturn(Optional.of(account("admin", "admin-password")));
        when(accounts.findByUsername("bob")).thenReturn(Optional.of(account("bob", "bob-changed-it")));

        demoAccounts(false).run(null);

        assertThat(output).contains("Demo account 'admin' still has its known password")
                .doesNotContain("Demo account 'bob'");
    }

    private DemoAccounts demoAccounts(boolean demo) {
        return new DemoAccounts(new DemoModeProperties(demo), accounts, creation, passwordEncoder);
    }

    private Account account(String username, String password) {
        return new Account(username, username, passwordEncoder.encode(password), Set.of(AppRoles.USER), Instant.now());
    }
}
