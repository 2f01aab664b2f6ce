package com.chatshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ConversationService;
import com.chatshare.security.AppRoles;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountAdministrationTest {

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void an_admin_grants_and_revokes_the_moderator_role_with_audit_entries() {
        AccountSummary gina = accounts.register(new Registration("gina-mod", "Gina", "long-enough-password"));
        SignedIn.as(users, "admin");

        assertThat(accounts.setModerator(gina.id(), true).roles()).contains(AppRoles.MODERATOR);
        assertThat(users.loadUserByUsername("gina-mod").getAuthorities()).extracting(Object::toString)
                .contains("ROLE_MODERATOR");
        assertThat(accounts.setModerator(gina.id(), false).roles()).doesNotContain(AppRoles.MODERATOR);

        assertThat(auditLog.find(AuditFilter.all().withTarget("user:" + gina.id()), 0, 10))
                .extracting(e -> e.action())
                .containsSubsequence(AuditAction.ROLE_REVOKED, AuditAction.ROLE_GRANTED);
    }

    @Test
    void a_disabled_account_cannot_sign_in_and_its_links_answer_404_until_enabled() throws Exception {
        AccountSummary hank = accounts.register(new Registration("hank", "Hank", "long-enough-password"));
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "hank", "Hank's chat",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "admin");
        accounts.setEnabled(hank.id(), false);
        SignedIn.signOut();

        mvc.perform(formLogin("/login").user("hank").password("long-enough-password")).andExpect(unauthenticated());
        mvc.perform(get(link.path())).andExpect(status().isNotFound());

        SignedIn.as(users, "admin");
        accounts.setEnabled(hank.id(), true);
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user("hank").password("long-enough-password")).andExpect(authenticated());
    }

    @Test
    void disabling_an_account_ends_its_open_session() throws Exception {
        AccountSummary jill = accounts.register(new Registration("jill", "Jill", "long-enough-password"));
        accounts.register(new Registration("kate", "Kate", "long-enough-password"));
        var session = signedInSession("jill");
        var othersSession = signedInSession("kate");

        SignedIn.as(users, "admin");
        accounts.setEnabled(jill.id(), false);
        SignedIn.signOut();

        // MockMvc has no Vaadin servlet, so an app page is not served here; what matters is who
        // is still signed in: Kate's session stays, Jill's is ended and she is sent to sign in.
        mvc.perform(get("/").session(othersSession))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .doesNotExist("Location"));
        assertThat(othersSession.isInvalid()).isFalse();
        mvc.perform(get("/").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
    }

    private org.springframework.mock.web.MockHttpSession signedInSession(String username) throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        formLogin("/login").user(username).password("long-enough-password"))
                .andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void moderators_and_users_cannot_administer_accounts_and_admins_not_themselves() {
        AccountSummary ivy = accounts.register(new Registration("ivy", "Ivy", "long-enough-password"));
        SignedIn.as(users, "mod");
        assertThatThrownBy(() -> accounts.setEnabled(ivy.id(), false)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> accounts.setModerator(ivy.id(), true)).isInstanceOf(AuthorizationDeniedException.class);
        SignedIn.as(users, "bob");
        assertThatThrownBy(() -> accounts.setEnabled(ivy.id(), false)).isInstanceOf(AuthorizationDeniedException.class);

        SignedIn.as(users, "admin");
        long adminId = users.loadUserByUsername("admin") instanceof com.chatshare.security.AppUserPrincipal p
                ? p.userId() : -1;
        assertThatThrownBy(() -> accounts.setEnabled(adminId, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
