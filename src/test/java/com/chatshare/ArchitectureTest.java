package com.chatshare;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatshare.architecture.DataAccessRules;
import com.chatshare.architecture.ModuleRules;
import com.chatshare.architecture.TableOwnership;
import com.chatshare.architecture.TableOwnership.ForeignTable;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Component;

/** Keeps the package rules of STYLE.md true as the code grows. */
class ArchitectureTest {

    static final String ROOT = "com.chatshare";
    static final List<String> FEATURES =
            List.of("accounts", "conversations", "sharing", "sharingpolicy", "datacontrols", "moderation", "audit");

    /**
     * Which feature owns which table: only that feature's SQL names it. A migration that creates a
     * table fails {@link #every_table_a_migration_creates_has_an_owning_feature()} until it is here.
     * One table belongs to a module that is no feature: the shared rate-limit counters, which
     * security and the features count in through the ratelimit module's API (docs/decisions/0010),
     * never by SQL.
     */
    static final String RATE_LIMITS = "ratelimit";
    static final TableOwnership TABLES = new TableOwnership(Map.of(
            RATE_LIMITS, List.of("rate_limit_counter"),
            "accounts", List.of("app_user", "app_user_role", "app_user_preference"),
            "conversations", List.of("conversation", "message", "custom_instruction"),
            "sharing", List.of("share_link", "snapshot_message", "share_revocation", "share_link_member",
                    "share_link_excluded_message"),
            "sharingpolicy", List.of("sharing_policy"),
            "moderation", List.of("abuse_report", "review_request", "owner_notice"),
            "audit", List.of("audit_entry")));

    static final Path SOURCES = Path.of("src/main/java/com/chatshare");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

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
    void rate_limits_depend_on_no_feature_nor_on_base_or_security() {
        check(noClasses().that().resideInAPackage(ROOT + "." + RATE_LIMITS + "..")
                .should().dependOnClassesThat().resideInAnyPackage(Stream.concat(Stream.of(featurePackages()),
                        Stream.of(ROOT + ".base..", ROOT + ".security..")).toArray(String[]::new)));
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
        // base.database starts the embedded database and builds its data source; the ratelimit
        // module keeps its SQL in an internal package, as a feature does.
        check(DataAccessRules.rawDataAccessOnlyInInternalPackages(ROOT, FEATURES, ROOT + ".base.database..",
                ROOT + "." + RATE_LIMITS + ".internal.."));
    }

    @Test
    void repositories_live_in_a_features_internal_package() {
        check(DataAccessRules.repositoriesOnlyInInternalPackages(ROOT, FEATURES));
    }

    @Test
    void no_features_sql_names_another_features_table() {
        // base and security own no table and depend on no feature: they may name none; the
        // ratelimit module names only its own.
        List<String> packages = Stream.concat(FEATURES.stream(), Stream.of("base", "security", RATE_LIMITS)).toList();

        List<ForeignTable> found = TABLES.foreignTables(SOURCES, packages);

        assertTrue(found.isEmpty(), () -> "SQL names another feature's table (" + found.size() + " places); "
                + "ask the owning feature's API or listen to its events instead:\n"
                + found.stream().map(ForeignTable::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void every_table_a_migration_creates_has_an_owning_feature() {
        assertThat(TableOwnership.createdTables(MIGRATIONS)).as("tables the migrations create").isNotEmpty();
        assertThat(TABLES.unownedTables(MIGRATIONS)).as("tables created by a migration (table=file) with no owner "
                + "in ArchitectureTest.TABLES").isEmpty();
        assertThat(Stream.concat(FEATURES.stream(), Stream.of(RATE_LIMITS)).toList())
                .as("features (and the ratelimit module) owning tables").containsAll(TABLES.owners().values());
    }

    @Test
    void the_check_before_sharing_depends_on_nothing_in_the_app_nor_on_spring() {
        check(ModuleRules.standsAlone(ROOT, "disclosure"));
    }

    @Test
    void nothing_depends_on_the_public_page_and_it_has_no_data_access() {
        check(ModuleRules.nothingDependsOn(ROOT, "sharepage"));
        check(ModuleRules.hasNoDataAccess(ROOT, "sharepage"));
    }

    @Test
    void sharing_knows_neither_the_public_page_nor_the_sharing_policy() {
        check(ModuleRules.knowsNone(ROOT, "sharing", "sharepage", "sharingpolicy"));
    }

    @Test
    void no_service_takes_more_than_ten_collaborators() {
        check(ModuleRules.atMostCollaborators(metaAnnotatedWith(Component.class).as("Spring components"), 10));
    }

    @Test
    void no_main_source_file_is_over_400_lines() {
        assertThat(ModuleRules.filesOver(SOURCES, 400)).as("main source files over 400 lines: split them by what "
                + "they do").isEmpty();
    }

    @Test
    void every_package_is_null_marked() {
        // JSpecify: what is not @Nullable is never null, so no API passes null to mean "keep".
        assertThat(ModuleRules.packagesNotNullMarked(SOURCES)).as("packages without a @NullMarked package-info.java")
                .isEmpty();
    }

    private static String[] featurePackages() {
        return FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
