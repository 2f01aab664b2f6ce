package com.chatshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.chatshare.architecture.DataAccessRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the package rules of STYLE.md true as the code grows. */
class ArchitectureTest {

    static final String ROOT = "com.chatshare";
    static final List<String> FEATURES =
            List.of("accounts", "conversations", "sharing", "datacontrols", "moderation", "audit");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void modules_only_use_each_others_api_and_have_no_cycles() {
        ApplicationModules.of(Application.class).verify();
    }

    @Test
    void base_depends_on_no_feature() {
        check(noClasses().that().resideInAPackage(ROOT + ".base..")
                .should().dependOnClassesThat().resideInAnyPackage(featurePackages()));
    }

    @Test
    void security_depends_on_no_feature() {
        check(noClasses().that().resideInAPackage(ROOT + ".security..")
                .should().dependOnClassesThat().resideInAnyPackage(featurePackages()));
    }

    @Test
    void views_call_services_never_repositories() {
        check(noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class));
    }

    @Test
    void no_feature_reaches_into_another_features_internals_or_views() {
        for (String feature : FEATURES) {
            String own = ROOT + "." + feature;
            check(noClasses().that().resideOutsideOfPackage(own + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(own + ".internal..", own + ".ui..")
                    .allowEmptyShould(true));
        }
    }

    @Test
    void feature_code_asks_current_user_instead_of_the_security_context_holder() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".security..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder"));
    }

    @Test
    void constructor_injection_only() {
        check(fields().should().notBeAnnotatedWith(Autowired.class));
    }

    @Test
    void only_a_features_internal_package_uses_jdbc_or_the_entity_manager() {
        // base.database starts the embedded database and builds its data source.
        check(DataAccessRules.rawDataAccessOnlyInInternalPackages(ROOT, FEATURES, ROOT + ".base.database.."));
    }

    @Test
    void repositories_live_in_a_features_internal_package() {
        check(DataAccessRules.repositoriesOnlyInInternalPackages(ROOT, FEATURES));
    }

    private static String[] featurePackages() {
        return FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
