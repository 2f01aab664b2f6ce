package com.chatshare.base.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Demo mode is off for {@code java -jar} and the Docker image, on for {@code ./mvnw}, and
 * {@code CHATSHARE_DEMO} decides over both; the log says which.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTest {

    @Test
    void the_jar_and_the_docker_image_start_without_demo_mode() {
        assertThat(demoMode(Map.of())).isFalse();
    }

    @Test
    void CHATSHARE_DEMO_true_turns_demo_mode_on() {
        assertThat(demoMode(Map.of("CHATSHARE_DEMO", "true"))).isTrue();
    }

    @Test
    void the_run_command_of_the_readme_starts_in_demo_mode() throws Exception {
        assertThat(demoMode(Map.of(), runGoalArguments())).isTrue();
    }

    @Test
    void CHATSHARE_DEMO_false_turns_demo_mode_off_for_the_run_command_too() throws Exception {
        assertThat(demoMode(Map.of("CHATSHARE_DEMO", "false"), runGoalArguments())).isFalse();
    }

    @Test
    void the_log_warns_that_demo_accounts_have_known_passwords(CapturedOutput output) throws Exception {
        new DemoModeAnnouncement(new DemoModeProperties(true), new MockEnvironment()).run(null);

        assertThat(output).contains("Demo mode is ON").contains("known passwords").contains("CHATSHARE_DEMO=false");
    }

    @Test
    void demo_mode_on_an_external_database_is_a_loud_warning_without_the_url(CapturedOutput output) throws Exception {
        MockEnvironment external = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/chatshare?password=s3cret");

        new DemoModeAnnouncement(new DemoModeProperties(true), external).run(null);

        assertThat(output).contains("WARN").contains("DEMO MODE ON AN EXTERNAL DATABASE").doesNotContain("s3cret");
    }

    @Test
    void demo_mode_on_the_embedded_database_has_no_external_database_warning(CapturedOutput output) throws Exception {
        new DemoModeAnnouncement(new DemoModeProperties(true), new MockEnvironment()).run(null);

        assertThat(output).contains("Demo mode is ON").doesNotContain("EXTERNAL DATABASE");
    }

    @Test
    void the_log_says_when_demo_mode_is_off(CapturedOutput output) throws Exception {
        new DemoModeAnnouncement(new DemoModeProperties(false), new MockEnvironment()).run(null);

        assertThat(output).contains("Demo mode is off").contains("CHATSHARE_DEMO=true");
    }

    /** What chatshare.demo resolves to with these environment variables and arguments. */
    private static boolean demoMode(Map<String, Object> environmentVariables, String... args) {
        SpringApplication application = new SpringApplication(DemoModeOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        // Leaves the logging that the other tests in this JVM set up alone.
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        application.setEnvironment(environment);
        List<String> arguments = new ArrayList<>(List.of(args));
        // The application's own configuration only: the tests' switches demo mode on.
        arguments.add("--spring.config.location=classpath:/application.yml");
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            return context.getBean(DemoModeProperties.class).demo();
        }
    }

    /** The application arguments that pom.xml gives spring-boot:run, the goal ./mvnw runs. */
    private static String[] runGoalArguments() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList arguments = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "/project/build/plugins/plugin[artifactId='spring-boot-maven-plugin']/configuration/arguments/argument",
                pom, XPathConstants.NODESET);
        String[] result = new String[arguments.getLength()];
        for (int i = 0; i < result.length; i++) {
            result[i] = arguments.item(i).getTextContent().strip();
        }
        assertThat(pom.getDocumentElement().getElementsByTagName("defaultGoal").item(0).getTextContent())
                .isEqualTo("spring-boot:run");
        return result;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoModeProperties.class)
    static class DemoModeOnly {
    }
}
