package com.chatshare.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.architecture.fixture.widgets.WidgetArchive;
import com.chatshare.architecture.fixture.widgets.WidgetService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data-access rules of {@code ArchitectureTest}, each shown rejecting a deliberate breach in
 * the made-up application under {@code architecture/fixture} (and accepting what that
 * application does right), so a rule that stopped seeing anything would fail here.
 */
class ArchitectureTestBreachesTest {

    static final String FIXTURE = "com.chatshare.architecture.fixture";
    static final List<String> FEATURES = List.of("widgets", "gadgets");

    static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void a_feature_service_using_jdbc_template_breaks_the_raw_data_access_rule() {
        var result = DataAccessRules.rawDataAccessOnlyInInternalPackages(FIXTURE, FEATURES).evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .startsWith(WidgetService.class.getName() + " uses JdbcTemplate outside a feature's internal package");
    }

    @Test
    void a_package_named_as_also_allowed_may_use_raw_data_access() {
        var result = DataAccessRules.rawDataAccessOnlyInInternalPackages(FIXTURE, FEATURES, FIXTURE + ".widgets")
                .evaluate(fixture);

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void a_repository_outside_the_internal_package_breaks_the_repository_rule() {
        var result = DataAccessRules.repositoriesOnlyInInternalPackages(FIXTURE, FEATURES).evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains(WidgetArchive.class.getName());
    }
}
