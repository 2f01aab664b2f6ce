package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.AccountSummary;
import com.chatshare.accounts.Registration;
import com.chatshare.moderation.ModerationFilter;
import com.chatshare.moderation.ModerationService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Role changes, disabling, deleting and password changes reach sessions that are already open, on their next
 * request. Each request is a Vaadin round trip through the real Spring Security filter chain,
 * in a real session from form login; where Vaadin's servlet would take over, a probe looks at
 * what the request may do: the roles Vaadin's view access checks ask the request for, and a
 * call to the moderation service.
 */
@IntegrationTest
class OpenSessionFollowsAccountTest {

    private static final String PASSWORD = "long-enough-password";
    /** A Vaadin server round trip, as every click and in-app navigation sends it. */
    private static final String ROUND_TRIP = "/?v-r=uidl&v-uiId=0";

    @Autowired
    MockMvc mvc;

    @Autowired
    FilterChainProxy securityFilters;

    @Autowired
    WebApplicationContext web;

    @Autowired
    AccountService accounts;

    @Autowired
    ModerationService moderation;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_demoted_moderator_loses_moderation_on_the_next_request_of_an_open_session() throws Exception {
        AccountSummary moderator = moderator("demoted-mod");
        MockHttpSession session = signIn("demoted-mod");
        assertThat(nextRequest(session).mayModerate()).isTrue();

        asAdmin(() -> accounts.setModerator(moderator.id(), false));

        Seen seen = nextRequest(session);
        assertThat(seen.roles()).containsExactly("ROLE_USER");
        assertThat(seen.inModeratorRole()).isFalse();
        assertThat(seen.mayModerate()).isFalse();
        assertThat(roles(savedIn(session).getAuthentication())).containsExactly("ROLE_USER");
        assertThat(nextRequest(session).mayModerate()).isFalse();
    }

    @Test
    void the_session_keeps_the_person_when_only_the_roles_change() throws Exception {
        AccountSummary moderator = moderator("renewed-mod");
        MockHttpSession session = signIn("renewed-mod");
        nextRequest(session);

        asAdmin(() -> accounts.setModerator(moderator.id(), false));
        nextRequest(session);

        var principal = (AppUserPrincipal) savedIn(session).getAuthentication().getPrincipal();
        assertThat(principal.userId()).isEqualTo(moderator.id());
        assertThat(principal.getUsername()).isEqualTo("renewed-mod");
        assertThat(principal.displayName()).isEqualTo("Renewed");
        assertThat(principal.roles()).containsExactly(AppRoles.USER);
        assertThat(principal.getPassword()).isNull();
        assertThat(savedIn(session).getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .as("how they signed in still counts").contains("FACTOR_PASSWORD");
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_granted_moderator_role_applies_on_the_next_request_of_an_open_session() throws Exception {
        AccountSummary user = accounts.register(new Registration("promoted-user", "Promoted", PASSWORD));
        MockHttpSession session = signIn("promoted-user");
        assertThat(nextRequest(session).mayModerate()).isFalse();

        asAdmin(() -> accounts.setModerator(user.id(), true));

        Seen seen = nextRequest(session);
        assertThat(seen.roles()).containsExactlyInAnyOrder("ROLE_USER", "ROLE_MODERATOR");
        assertThat(seen.inModeratorRole()).isTrue();
        assertThat(seen.mayModerate()).isTrue();
    }

    @Test
    void a_disabled_moderator_is_signed_out_on_the_next_request_even_right_after_a_request() throws Exception {
        AccountSummary moderator = moderator("disabled-mod");
        MockHttpSession session = signIn("disabled-mod");
        assertThat(nextRequest(session).mayModerate()).isTrue();

        asAdmin(() -> accounts.setEnabled(moderator.id(), false));

        Seen seen = nextRequest(session);
        assertThat(seen.signedIn()).isFalse();
        assertThat(seen.mayModerate()).isFalse();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_deleted_account_is_signed_out_in_its_other_sessions_on_their_next_request() throws Exception {
        accounts.register(new Registration("two-tabs", "Two Tabs", PASSWORD));
        MockHttpSession otherSession = signIn("two-tabs");
        assertThat(nextRequest(otherSession).signedIn()).isTrue();

        SignedIn.as(users, "two-tabs");
        accounts.deleteOwnAccount(PASSWORD);
        SignedIn.signOut();

        assertThat(nextRequest(otherSession).signedIn()).isFalse();
        assertThat(otherSession.isInvalid()).isTrue();
    }

    @Test
    void a_password_change_signs_out_the_accounts_other_sessions_and_keeps_the_one_that_made_it() throws Exception {
        accounts.register(new Registration("changes-password", "Changer", PASSWORD));
        MockHttpSession laptop = signIn("changes-password");
        MockHttpSession phone = signIn("changes-password");
        assertThat(nextRequest(laptop).signedIn()).isTrue();
        assertThat(nextRequest(phone).signedIn()).isTrue();

        // From the laptop's session, as a Vaadin round trip of that session runs it.
        SecurityContextHolder.setContext(savedIn(laptop));
        accounts.changePassword(PASSWORD, "a-brand-new-password");
        SignedIn.signOut();

        assertThat(nextRequest(phone).signedIn()).isFalse();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(nextRequest(laptop).signedIn()).isTrue();
        assertThat(laptop.isInvalid()).isFalse();
        assertThat(nextRequest(laptop).signedIn()).as("and stays so").isTrue();
    }

    @Test
    void a_password_change_that_rolls_back_leaves_the_session_as_it_was() throws Exception {
        accounts.register(new Registration("rolled-back", "Rolled", PASSWORD));
        MockHttpSession session = signIn("rolled-back");
        SecurityContext context = savedIn(session);
        var before = (AppUserPrincipal) context.getAuthentication().getPrincipal();

        SecurityContextHolder.setContext(context);
        try {
            transactions.executeWithoutResult(status -> {
                currentUser.keepSessionAfterPasswordChange(before.credentialsVersion() + 1);
                assertThat(((AppUserPrincipal) context.getAuthentication().getPrincipal()).credentialsVersion())
                        .isEqualTo(before.credentialsVersion() + 1);
                status.setRollbackOnly();
            });
        } finally {
            SignedIn.signOut();
        }

        assertThat(((AppUserPrincipal) context.getAuthentication().getPrincipal()).credentialsVersion())
                .isEqualTo(before.credentialsVersion());
    }

    @Test
    void a_change_made_on_another_node_is_seen_within_the_cache_time() throws Exception {
        AccountSummary moderator = moderator("elsewhere-mod");
        MockHttpSession session = signIn("elsewhere-mod");
        assertThat(nextRequest(session).mayModerate()).isTrue();

        // Another node changes the database; nothing tells this node.
        jdbc.update("delete from app_user_role where user_id = ? and role = ?", moderator.id(), AppRoles.MODERATOR);
        Thread.sleep(AccountStateCache.TTL.plusMillis(200).toMillis());

        assertThat(nextRequest(session).mayModerate()).isFalse();
    }

    @Test
    void unchanged_roles_leave_the_session_as_it_is() throws Exception {
        moderator("steady-mod");
        MockHttpSession session = signIn("steady-mod");
        nextRequest(session);
        SecurityContext before = savedIn(session);

        nextRequest(session);

        assertThat(savedIn(session)).isSameAs(before);
    }

    private AccountSummary moderator(String username) {
        String displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1, username.indexOf('-'));
        AccountSummary account = accounts.register(new Registration(username, displayName, PASSWORD));
        return asAdmin(() -> accounts.setModerator(account.id(), true));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        SignedIn.as(users, "admin");
        try {
            return work.get();
        } finally {
            SignedIn.signOut();
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    /** What the next request of the session may do once through the security filters. */
    private Seen nextRequest(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = get(ROUND_TRIP).session(session).buildRequest(web.getServletContext());
        var seen = new AtomicReference<Seen>();
        securityFilters.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(probe((HttpServletRequest) req)));
        assertThat(seen.get()).as("the request got through the security filters").isNotNull();
        return seen.get();
    }

    private Seen probe(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal;
        boolean mayModerate;
        try {
            moderation.findQueue(ModerationFilter.reportedFirst(), 0, 1);
            mayModerate = true;
        } catch (AccessDeniedException | AuthenticationException e) {
            mayModerate = false;
        }
        return new Seen(signedIn, roles(authentication), request.isUserInRole(AppRoles.MODERATOR), mayModerate);
    }

    private static SecurityContext savedIn(MockHttpSession session) {
        return (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    private static Set<String> roles(Authentication authentication) {
        return authentication == null ? Set.of() : Set.copyOf(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).toList());
    }

    private record Seen(boolean signedIn, Set<String> roles, boolean inModeratorRole, boolean mayModerate) {
    }
}
