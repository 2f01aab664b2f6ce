package com.chatshare.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Spring Security for the whole application: Vaadin views behind the sign-in page
 * ({@code security/web}, a plain form posting to Spring Security's form login), and the login
 * throttle. The actuator endpoints have their own chain ({@link ActuatorSecurity}), the public
 * share page and report form theirs.
 * Accounts supply the {@link UserDetailsService}; this package depends on no feature.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * The Vaadin app's policy: nothing from another origin, whatever a message contains. Vaadin
     * Flow needs {@code 'unsafe-inline' 'unsafe-eval'} for script (its bootstrap starts the client
     * engine inline, and the engine builds functions from the expressions the server sends) and
     * inline styles; without them the app's views stay blank (measured with the browser journeys,
     * which also fail on any CSP violation in the console). The sign-in page needs neither: it has
     * no inline script or style, only its own files under {@code /sign-in-assets/}. Images only from here or data: URLs
     * (Lumo's icons), no frames, forms and connections only to this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** Where a sign-in without a valid CSRF token is sent: the sign-in page, which says why. */
    static final String LOGIN_EXPIRED = "/login?expired";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountStateCache accountStates, RequestUtil vaadinRequests)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/sign-in-assets/**", "/images/**", "/favicon.ico", "/robots.txt").permitAll()
                // The sign-in page with any query: form login opens only "/login" and "/login?error"
                // (exact addresses), and "/login?expired" (below) must show too.
                .requestMatchers(HttpMethod.GET, "/login").permitAll()
                // The error page (templates/error.html) for what was refused or not found: without
                // this, its own dispatch is refused too and the server's bare page shows instead.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // Spring Security's default repository, made explicit so RevokedSessionFilter saves a
        // session's changed roles where the next request of that session loads them from.
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.securityContext(context -> context.securityContextRepository(contexts));
        http.addFilterAfter(new RevokedSessionFilter(accountStates, contexts), SecurityContextHolderAwareRequestFilter.class);
        // The sign-in page is a Spring MVC page (security/web/SignInController), not a Vaadin
        // route: given as a path, Vaadin sets up form login on it (GET and POST /login open to
        // all, failures to /login?error, success to the saved request or /) and sends views that
        // need a signed-in user there, by an HTTP redirect or, within a running UI, by loading
        // that address; the second path is where signing out lands.
        // Vaadin's own CSRF set-up exempts the login form's POST as well as its internal requests
        // (which carry Vaadin's own token). The sign-in form sends Spring's token (a hidden field;
        // the registration page's post takes it from the page's _csrf meta tags), so only the
        // internal requests are exempt here: a forged POST cannot sign a victim in to the
        // attacker's account.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView("/login", "/login")
                .enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // A sign-in form whose token is gone (its session expired) shows the form again with a
        // word on why, instead of a bare 403 page.
        // (The second mapping keeps the plain 403 for everything else: with a single mapping,
        // Spring Security would use it for every request.)
        http.exceptionHandling(exceptions -> exceptions
                .defaultAccessDeniedHandlerFor(
                        (request, response, denied) -> response.sendRedirect(request.getContextPath() + LOGIN_EXPIRED),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"))
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** bcrypt (Spring Security's default), run off the requests' virtual threads. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new PlatformThreadPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService userDetailsService,
            PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService);
        dao.setPasswordEncoder(passwordEncoder);
        // A disabled account's password is checked like any other, and only then its status:
        // refused before the password, it answered faster than a real check (timing tells).
        dao.setPreAuthenticationChecks(user -> { });
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ThrottledAuthenticationProvider(dao, throttle);
    }

    /**
     * Spring Boot's publisher of sign-in events, which {@link SignInMeters} counts, told about the
     * throttle's refusal (published as a lock) and about every other failure (as a service
     * exception): by default Spring Security publishes nothing for an exception it does not know.
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureServiceExceptionEvent.class);
        return publisher;
    }
}
