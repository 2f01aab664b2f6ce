package com.chatshare.accounts;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.ratelimit.CounterKey;
import com.chatshare.ratelimit.SecondNode;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.security.ClientAddress;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService service;

    @Autowired
    AccountRepository accounts;

    @Autowired
    SharedCounters counters;

    @Autowired
    SecondNode secondNode;

    @Value("${chatshare.accounts.registrations-per-hour}")
    int registrationsPerHour;

    @Test
    void the_service_enforces_the_rules_even_without_the_form() {
        assertThatThrownBy(() -> service.register(new Registration("UPPER", "Name", "long-enough-password")))
                .isInstanceOf(RegistrationException.class)
                .satisfies(e -> assertThat(((RegistrationException) e).problems())
                        .containsOnlyKeys(Registration.Field.USERNAME));
        assertThatThrownBy(() -> service.register(new Registration("x".repeat(33), "Name", "long-enough-password")))
                .isInstanceOf(RegistrationException.class);
        assertThatThrownBy(() -> service.register(new Registration("ctrl-name", "Evil\u0000Name", "long-enough-password")))
                .isInstanceOf(RegistrationException.class);
        assertThatThrownBy(() -> service.register(new Registration("too-long-pw", "Name", "ü".repeat(40))))
                .isInstanceOf(RegistrationException.class);
        assertThat(accounts.existsByUsername("ctrl-name")).isFalse();
    }

    @Test
    void duplicate_username_is_refused() {
        service.register(new Registration("twin", "First Twin", "long-enough-password"));

        assertThatThrownBy(() -> service.register(new Registration("twin", "Second Twin", "long-enough-password")))
                .isInstanceOf(RegistrationException.class)
                .hasMessageContaining("already taken");
        assertThat(accounts.findByUsername("twin").orElseThrow().getDisplayName()).isEqualTo("First Twin");
    }

    @Test
    void display_name_is_stored_trimmed() {
        service.register(new Registration("trimmed", "  Trim Me  ", "long-enough-password"));

        assertThat(accounts.findByUsername("trimmed").orElseThrow().getDisplayName()).isEqualTo("Trim Me");
    }

    @Test
    void anonymous_caller_cannot_list_accounts() {
        assertThatThrownBy(() -> service.findAccounts(PageRequest.of(0, 10)))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(roles = "USER")
    void plain_user_cannot_list_accounts() {
        assertThatThrownBy(() -> service.findAccounts(PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(roles = {"USER", "MODERATOR"})
    void moderator_cannot_list_accounts() {
        assertThatThrownBy(() -> service.findAccounts(PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void admin_lists_accounts_page_by_page() {
        var firstPage = service.findAccounts(PageRequest.of(0, 2));

        assertThat(firstPage.getContent()).hasSize(2);
        assertThat(firstPage.hasNext()).isTrue();
    }

    @Test
    void a_self_registered_display_name_cannot_pass_for_a_role() {
        for (String name : java.util.List.of("Admin", "ＭＯＤＥＲＡＴＯＲ", "Chatshare Support", "the Admín team",
                "mod", "\u202Eadmin", "Ad\u200Bmin")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.register(
                            new Registration("imp-" + Math.abs(name.hashCode()), name, "long-enough-password")))
                    .as(name).isInstanceOf(RegistrationException.class);
        }
        org.assertj.core.api.Assertions.assertThat(service.register(
                new Registration("modest-one", "Modest Mouse", "long-enough-password")).displayName())
                .isEqualTo("Modest Mouse");
        org.assertj.core.api.Assertions.assertThat(service.register(
                new Registration("bidi-name", "\u202Eevil\u202C Eve", "long-enough-password")).displayName())
                .isEqualTo("evil Eve");
    }

    @Test
    void one_address_registers_a_bounded_number_of_accounts() {
        AccountService limited = new AccountService(null, null, null, null, null, null, null, counters, 2) {
            @Override
            public AccountSummary register(Registration registration) {
                return null; // the limit is what is tested here, not the creation
            }
        };

        limited.register(new Registration("a-one", "One", "long-enough-password"), address("198.51.100.1"));
        limited.register(new Registration("a-two", "Two", "long-enough-password"), address("198.51.100.1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        limited.register(new Registration("a-three", "Three", "long-enough-password"), address("198.51.100.1")))
                .isInstanceOf(RegistrationException.class);
        limited.register(new Registration("b-one", "Other", "long-enough-password"), address("198.51.100.2"));
    }

    @Test
    void registrations_on_another_node_count_and_one_that_makes_no_account_costs_nothing() {
        InetAddress address = address("2001:db8:77:1::1");
        CounterKey registrations = new CounterKey(AccountService.REGISTRATIONS_BY_ADDRESS,
                ClientAddress.rateLimitKey(address), Duration.ofHours(1));
        secondNode.count(registrations, registrationsPerHour - 1);

        assertThatThrownBy(() -> service.register(new Registration("twin-of-none", "Admin", "long-enough-password"),
                address)).isInstanceOf(RegistrationException.class);
        service.register(new Registration("last-of-network", "Last", "long-enough-password"), address("2001:db8:77:1::2"));

        assertThatThrownBy(() -> service.register(new Registration("one-too-many", "Late", "long-enough-password"),
                address("2001:db8:77:1:ffff::9")))
                .isInstanceOf(RegistrationException.class)
                .hasMessage(AccountService.TOO_MANY_REGISTRATIONS);
        assertThat(accounts.existsByUsername("one-too-many")).isFalse();
    }
}
