package com.chatshare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A test on the real application served by real Jetty on a random port, with the test clock and
 * assistant of {@link IntegrationTest}: for what MockMvc cannot reach (Jetty's own handlers, its
 * request parsing, the access log). A context of its own (with {@link OwnSpringContext}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestAssistantConfiguration.class)
public @interface RealServerTest {

    /** Properties of this context, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
