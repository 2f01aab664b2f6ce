package com.chatshare.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * templates/error.html, Spring Boot's error page, by status: the same words for "not there" and
 * "not yours", no advice to try a refused request again, and nothing of the request. The page as
 * a browser gets it (an address that is no route) is in AccessibilityBrowserIT.
 */
@IntegrationTest
class ErrorPageTemplateTest {

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void forbidden_and_not_found_read_the_same() {
        assertThat(render(403)).isEqualTo(render(404))
                .contains("<title>Page not found · Chatshare</title>", "There is nothing here, or it is not yours to open.");
    }

    @Test
    void other_refusals_and_server_errors_say_different_things() {
        assertThat(render(405)).contains("Request not accepted").doesNotContain("try again", "Page not found");
        assertThat(render(500)).contains("Something went wrong", "try again").doesNotContain("Request not accepted");
    }

    @Test
    void nothing_of_the_request_is_repeated() {
        String page = templates.process("error", new Context(null, Map.of("status", 404, "path", "/secret/<b>path",
                "error", "Not Found", "message", "internal detail")));
        assertThat(page).doesNotContain("secret", "<b>", "internal detail", "Not Found");
    }

    private String render(int status) {
        return templates.process("error", new Context(null, Map.of("status", status)));
    }
}
