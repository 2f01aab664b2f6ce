package com.chatshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.internal.AccountCreation;
import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.security.AppRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The admin rules hold in the service, whatever the UI offers: every test tries to break one. */
@IntegrationTest
class AdminProtectionTest {

    private static final String PASSWORD = "long-enough-password";
    private static final Set<String> ADMIN_ROLES = Set.of(AppRoles.USER, AppRoles.MODERATOR, AppRoles.ADMIN);

    @Autowired
    AccountService service;

    @Autowired
    AccountCreation creation;

    @Autowired
    AccountRepository accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Long> setAside = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void restore() {
        SignedIn.signOut();
        setAside.forEach(id -> jdbc.update("update app_user set enabled = true where id = ?", id));
        created.forEach(username -> jdbc.update("delete from app_user where username = ?", username));
    }

    @Test
    void an_admin_cannot_disable_another_admin() {
        long other = admin("other-admin-1");
        SignedIn.as(users, "admin");

        assertThatThrownBy(() -> service.setEnabled(other, false))
                .isInstanceOf(AccountChangeRefusedException.class)
                .hasMessage("“other-admin-1” is an admin. Admins' accounts cannot be changed here.");
        assertThat(accounts.findById(other).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void an_admin_cannot_enable_another_admin() {
        long other = admin("other-admin-2");
        jdbc.update("update app_user set enabled = false where id = ?", other);
        SignedIn.as(users, "admin");

        assertThatThrownBy(() -> service.setEnabled(other, true)).isInstanceOf(AccountChangeRefusedException.class);
        assertThat(accounts.findById(other).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void an_admin_cannot_revoke_or_grant_another_admins_moderator_role() {
        long other = admin("other-admin-3");
        SignedIn.as(users, "admin");

        assertThatThrownBy(() -> service.setModerator(other, false)).isInstanceOf(AccountChangeRefusedException.class);
        assertThat(accounts.findById(other).orElseThrow().getRoles()).contains(AppRoles.MODERATOR);

        jdbc.update("delete from app_user_role where user_id = ? and role = ?", other, AppRoles.MODERATOR);
        assertThatThrownBy(() -> service.setModerator(other, true)).isInstanceOf(AccountChangeRefusedException.class);
        assertThat(accounts.findById(other).orElseThrow().getRoles()).doesNotContain(AppRoles.MODERATOR);
    }

    @Test
    void an_admin_cannot_change_their_own_account() {
        long own = admin("self-admin");
        SignedIn.as(users, "self-admin");

        assertThatThrownBy(() -> service.setModerator(own, false))
                .isInstanceOf(AccountChangeRefusedException.class)
                .hasMessage(AccountChangeRefusedException.OWN_ACCOUNT);
        assertThatThrownBy(() -> service.setEnabled(own, false)).isInstanceOf(AccountChangeRefusedException.class);
    }

    @Test
    void an_admin_still_administers_plain_accounts() {
        AccountSummary plain = service.register(new Registration("plain-account", "Plain", PASSWORD));
        created.add("plain-account");
        SignedIn.as(users, "admin");

        assertThat(service.setModerator(plain.id(), true).roles()).contains(AppRoles.MODERATOR);
        assertThat(service.setEnabled(plain.id(), false).enabled()).isFalse();
    }

    @Test
    void the_last_enabled_admin_cannot_delete_their_account() {
        long last = admin("last-admin");
        setAsideOtherAdminsThan(last);
        SignedIn.as(users, "last-admin");

        assertThatThrownBy(() -> service.deleteOwnAccount(PASSWORD))
                .isInstanceOf(AccountChangeRefusedException.class)
                .hasMessage(AccountChangeRefusedException.LAST_ADMIN);
        assertThat(accounts.existsById(last)).isTrue();
    }

    @Test
    void a_disabled_admin_does_not_count_as_another_admin() {
        long last = admin("last-enabled-admin");
        long disabled = admin("disabled-admin");
        setAsideOtherAdminsThan(last);
        assertThat(setAside).contains(disabled);
        SignedIn.as(users, "last-enabled-admin");

        assertThatThrownBy(() -> service.deleteOwnAccount(PASSWORD)).isInstanceOf(AccountChangeRefusedException.class);
        assertThat(accounts.existsById(last)).isTrue();
    }

    @Test
    void an_admin_may_delete_their_account_while_another_admin_remains() {
        long leaving = admin("leaving-admin");
        SignedIn.as(users, "leaving-admin");

        service.deleteOwnAccount(PASSWORD);

        assertThat(accounts.existsById(leaving)).isFalse();
    }

    @Test
    void of_two_admins_deleting_themselves_at_the_same_moment_at_most_one_succeeds() throws Exception {
        for (int round = 0; round < 3; round++) {
            long first = admin("twin-a-" + round);
            long second = admin("twin-b-" + round);
            setAsideOtherAdminsThan(first, second);

            List<Object> outcomes = deleteAtOnce("twin-a-" + round, "twin-b-" + round);

            assertThat(outcomes).as("round %d", round).filteredOn("deleted"::equals).hasSize(1);
            assertThat(outcomes).as("round %d", round)
                    .filteredOn(AccountChangeRefusedException.class::isInstance).hasSize(1);
            assertThat(accounts.existsById(first) ^ accounts.existsById(second)).isTrue();
            assertThat(accounts.countEnabledWithAnyRole(java.util.List.of(AppRoles.ADMIN))).isEqualTo(1);
            restore();
            setAside.clear();
            created.clear();
        }
    }

    /** Each admin deletes their own account on their own thread, released at the same instant. */
    private List<Object> deleteAtOnce(String... usernames) throws Exception {
        CyclicBarrier start = new CyclicBarrier(usernames.length);
        ExecutorService threads = Executors.newFixedThreadPool(usernames.length);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (String username : usernames) {
                futures.add(threads.submit(() -> {
                    SignedIn.as(users, username);
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        service.deleteOwnAccount(PASSWORD);
                        return "deleted";
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        SignedIn.signOut();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private long admin(String username) {
        Account account = creation.create(new Registration(username, "Admin " + username, PASSWORD), ADMIN_ROLES);
        created.add(username);
        return account.getId();
    }

    /** Disables every other enabled admin until the test ends, so the ones named are all there are. */
    private void setAsideOtherAdminsThan(long... keep) {
        List<Long> kept = java.util.Arrays.stream(keep).boxed().toList();
        for (Long id : jdbc.queryForList("""
                select u.id from app_user u join app_user_role r on r.user_id = u.id
                where r.role = 'ADMIN' and u.enabled""", Long.class)) {
            if (!kept.contains(id)) {
                jdbc.update("update app_user set enabled = false where id = ?", id);
                setAside.add(id);
            }
        }
    }
}
