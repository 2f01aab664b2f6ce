package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.RealServerTest;
import org.eclipse.jetty.util.thread.Invocable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Every case of {@link KnownPageHandlerTest} again without an access log, where the handler is
 * non-blocking and answers on the selector thread that read the request, handing the rest to a
 * virtual thread itself (decision 0024); with the access log it is blocking and Jetty dispatches.
 * Only the access log's own case is left out, there being no log here.
 */
@RealServerTest(properties = {"chatshare.trusted-proxies=127.0.0.1",
        "chatshare.public-url=https://chat.example/", "chatshare.site-name=Example Chats"})
class KnownPageHandlerInlineTest extends KnownPageHandlerTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void without_an_access_log_jetty_calls_the_handlers_on_the_thread_that_read_the_request() {
        assertThat(((JettyWebServer) context.getWebServer()).getServer().getInvocationType())
                .isEqualTo(Invocable.InvocationType.NON_BLOCKING);
    }

    /** Not a test here (no {@code @Test}): it reads the access log, which this context has not. */
    @Override
    void views_are_counted_per_forwarded_client_and_the_access_log_has_the_request_without_its_token(
            CapturedOutput output) {
    }
}
