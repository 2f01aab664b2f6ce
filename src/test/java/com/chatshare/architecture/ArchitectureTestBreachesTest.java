package com.chatshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.chatshare.architecture.ModuleRules.LongFile;
import com.chatshare.architecture.TableOwnership.ForeignTable;
import com.chatshare.architecture.TableOwnership.TableReference;
import com.chatshare.architecture.fixture.checks.Finding;
import com.chatshare.architecture.fixture.checks.Scanner;
import com.chatshare.architecture.fixture.gadgets.GadgetService;
import com.chatshare.architecture.fixture.gadgets.internal.GadgetStore;
import com.chatshare.architecture.fixture.pages.PageCache;
import com.chatshare.architecture.fixture.widgets.Widget;
import com.chatshare.architecture.fixture.widgets.WidgetArchive;
import com.chatshare.architecture.fixture.widgets.WidgetLinks;
import com.chatshare.architecture.fixture.widgets.WidgetService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-access and module rules of {@code ArchitectureTest}, each shown rejecting a deliberate breach in
 * the made-up application under {@code architecture/fixture} (and accepting what that
 * application does right), so a rule that stopped seeing anything would fail here.
 */
class ArchitectureTestBreachesTest {

    static final String FIXTURE = "com.chatshare.architecture.fixture";
    static final List<String> FEATURES = List.of("widgets", "gadgets");
    static final Path FIXTURE_SOURCES = Path.of("src/test/java/com/chatshare/architecture/fixture");
    static final TableOwnership TABLES = new TableOwnership(Map.of(
            "widgets", List.of("widget", "widget_part"),
            "gadgets", List.of("gadget")));

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

    @Test
    void sql_naming_another_features_table_is_reported_with_file_line_and_table() {
        List<ForeignTable> found = TABLES.foreignTables(FIXTURE_SOURCES, FEATURES);

        Path gadgetStore = FIXTURE_SOURCES.resolve("gadgets/internal/" + GadgetStore.class.getSimpleName() + ".java");
        assertThat(found).extracting(ForeignTable::file, ForeignTable::line, ForeignTable::table, ForeignTable::owner)
                .containsExactly(
                        tuple(gadgetStore, 24, "widget", "widgets"),
                        tuple(gadgetStore, 30, "widget_part", "widgets"));
        assertThat(found.getFirst()).hasToString(gadgetStore + ":24 names widget (owned by widgets): join widget");
        assertThat(found.getLast()).hasToString(gadgetStore + ":30 names widget_part (owned by widgets): "
                + "from gadget g, widget_part");
    }

    @Test
    void the_scan_reads_sql_where_sql_names_tables_and_skips_comments_prose_and_code() {
        String source = """
                class Sample {
                    // delete from app_user
                    /* update app_user set enabled = false */
                    String a = "select * from share_link s, app_user as u where u.id = s.owner_id";
                    String b = "insert into "
                            + "audit_entry (details) values (?)";
                    String c = "update `app_user` set enabled = false where id in (select x from message)";
                    String d = "truncate table snapshot_message";
                    String e = "no app_user table was harmed, the message came from " + sender;
                    Table message = grid.from(message);
                    String f = \"""
                            select m.content
                              from chatshare.conversation c
                              left join message m on m.conversation_id = c.id\""";

                    @Table(name = "conversation")
                    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
                    Object g;
                }
                """;
        Set<String> tables = Set.of("app_user", "app_user_role", "share_link", "snapshot_message", "audit_entry",
                "conversation", "message");

        List<TableReference> found = TableOwnership.tableReferences(source, tables);

        assertThat(found).extracting(TableReference::line, TableReference::table).containsExactlyInAnyOrder(
                tuple(4, "share_link"), tuple(4, "app_user"),
                tuple(6, "audit_entry"),
                tuple(7, "app_user"), tuple(7, "message"),
                tuple(8, "snapshot_message"),
                tuple(13, "conversation"), tuple(14, "message"),
                tuple(16, "conversation"), tuple(17, "app_user_role"));
    }

    @Test
    void a_module_that_stands_alone_using_spring_or_another_module_is_reported() {
        var result = ModuleRules.standsAlone(FIXTURE, "checks").evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains(in(Scanner.class)) && line.contains(Widget.class.getName()))
                .anyMatch(line -> line.contains(in(Scanner.class)) && line.contains("org.springframework.util"))
                .noneMatch(line -> line.contains(Finding.class.getName()));
    }

    @Test
    void depending_on_a_module_nothing_may_depend_on_is_reported() {
        var result = ModuleRules.nothingDependsOn(FIXTURE, "pages").evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains(in(WidgetLinks.class)));
    }

    @Test
    void a_module_without_data_access_holding_a_repository_is_reported() {
        var result = ModuleRules.hasNoDataAccess(FIXTURE, "pages").evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains(in(PageCache.class)) && line.contains("WidgetRepository"));
        assertThat(ModuleRules.hasNoDataAccess(FIXTURE, "checks").evaluate(fixture).hasViolation()).isFalse();
    }

    @Test
    void a_module_naming_one_it_may_not_know_is_reported() {
        var result = ModuleRules.knowsNone(FIXTURE, "widgets", "pages", "checks").evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains(in(WidgetLinks.class)));
        assertThat(ModuleRules.knowsNone(FIXTURE, "gadgets", "pages").evaluate(fixture).hasViolation()).isFalse();
    }

    @Test
    void a_service_with_more_than_ten_collaborators_is_reported() {
        var result = ModuleRules.atMostCollaborators(simpleNameEndingWith("Service"), 10).evaluate(fixture);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains(GadgetService.class.getName() + " takes 11 collaborators");
    }

    @Test
    void source_files_over_the_limit_are_listed_longest_first(@TempDir Path sources) throws IOException {
        Files.createDirectories(sources.resolve("a/b"));
        Files.write(sources.resolve("Short.java"), Collections.nCopies(400, "//"));
        Files.write(sources.resolve("a/Long.java"), Collections.nCopies(401, "//"));
        Files.write(sources.resolve("a/b/Longer.java"), Collections.nCopies(900, "//"));
        Files.write(sources.resolve("a/notes.txt"), Collections.nCopies(900, "//"));

        assertThat(ModuleRules.filesOver(sources, 400)).extracting(LongFile::file, LongFile::lines).containsExactly(
                tuple(sources.resolve("a/b/Longer.java"), 900L), tuple(sources.resolve("a/Long.java"), 401L));
    }

    @Test
    void packages_without_a_null_marked_package_info_are_listed(@TempDir Path sources) throws IOException {
        Files.createDirectories(sources.resolve("marked"));
        Files.writeString(sources.resolve("marked/package-info.java"), "@NullMarked\npackage marked;\n");
        Files.writeString(sources.resolve("marked/A.java"), "package marked; class A {}\n");
        Files.createDirectories(sources.resolve("marked/unmarked"));
        Files.writeString(sources.resolve("marked/unmarked/package-info.java"), "package marked.unmarked;\n");
        Files.writeString(sources.resolve("marked/unmarked/B.java"), "package marked.unmarked; class B {}\n");
        Files.createDirectories(sources.resolve("marked/none"));
        Files.writeString(sources.resolve("marked/none/C.java"), "package marked.none; class C {}\n");
        Files.createDirectories(sources.resolve("empty/of/java"));

        assertThat(ModuleRules.packagesNotNullMarked(sources))
                .containsExactly(sources.resolve("marked/none"), sources.resolve("marked/unmarked"));
    }

    /** How ArchUnit names a member of {@code type} in a violation: {@code <com.example.Type.member…>}. */
    private static String in(Class<?> type) {
        return "<" + type.getName() + ".";
    }

    @Test
    void a_table_a_migration_creates_without_an_owner_is_reported() {
        Path migrations = FIXTURE_SOURCES.resolve("migration");

        assertThat(TableOwnership.createdTables(migrations))
                .containsOnlyKeys("widget", "widget_part", "gadget", "gadget_log", "gadget_history");
        assertThat(TABLES.unownedTables(migrations)).containsExactly(
                entry("gadget_history", "V3__gadget_history.sql"),
                entry("gadget_log", "V2__gadget_log.sql"));
    }
}
