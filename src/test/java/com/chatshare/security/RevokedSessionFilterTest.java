package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The account check in front of every request, when the database cannot answer it. */
class RevokedSessionFilterTest {

    private final AppUserPrincipal bob = new AppUserPrincipal(2, "bob", "Bob Example", null, true,
            Set.of(AppRoles.USER), 0);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_signed_in_request_reaches_the_view_with_its_session_while_the_database_is_down() throws Exception {
        AccountStatus down = userId -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        };
        RevokedSessionFilter filter = new RevokedSessionFilter(new AccountStateCache(down),
                new HttpSessionSecurityContextRepository());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(bob, null, bob.getAuthorities()));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("the request went on to the view").isNotNull();
        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal()).isEqualTo(bob);
    }

    @Test
    void a_disabled_account_still_loses_its_session() throws Exception {
        RevokedSessionFilter filter = new RevokedSessionFilter(new AccountStateCache(userId -> Optional.empty()),
                new HttpSessionSecurityContextRepository());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(bob, null, bob.getAuthorities()));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
