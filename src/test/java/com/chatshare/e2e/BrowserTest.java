package com.chatshare.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An end-to-end test against the app on a random port. One annotation, so all browser tests
 * share one application context; the demo assistant streams slowly enough to watch.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatshare.assistant.demo-delay=20ms")
@interface BrowserTest {
}
