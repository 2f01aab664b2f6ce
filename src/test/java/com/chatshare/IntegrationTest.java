package com.chatshare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test on the real application context with its embedded MariaDB. Every integration test
 * uses this one annotation so they all share one cached context (and one database server).
 * Against an external server (README, Test) the context gets a fresh database of its own there
 * instead ({@link ExternalTestDatabases}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAssistantConfiguration.class)
public @interface IntegrationTest {
}
