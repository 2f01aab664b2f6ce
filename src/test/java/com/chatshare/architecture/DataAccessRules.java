package com.chatshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

/**
 * Where data access may live: raw data-access types and Spring Data repositories only inside a
 * feature's {@code internal} package, so a feature's tables are reached through its typed API.
 * The rules take the root package and the features as parameters, so the architecture tests can
 * show them rejecting a deliberate breach in a fixture package as well as checking the real code.
 */
public final class DataAccessRules {

    /**
     * Types that run SQL or JPQL of their own choosing (or hand out what does): a class that uses
     * one of these can name any table.
     */
    static final List<Class<?>> RAW_DATA_ACCESS_TYPES = List.of(
            org.springframework.jdbc.core.JdbcOperations.class,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations.class,
            org.springframework.jdbc.core.simple.JdbcClient.class,
            org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations.class,
            org.springframework.jdbc.core.simple.SimpleJdbcCallOperations.class,
            org.springframework.jdbc.object.RdbmsOperation.class,
            jakarta.persistence.EntityManager.class,
            jakarta.persistence.EntityManagerFactory.class,
            javax.sql.DataSource.class,
            java.sql.Connection.class,
            java.sql.Statement.class);

    static final DescribedPredicate<JavaClass> RAW_DATA_ACCESS = RAW_DATA_ACCESS_TYPES.stream()
            .<DescribedPredicate<JavaClass>>map(type -> assignableTo(type))
            .reduce((a, b) -> a.or(b))
            .orElseThrow()
            .as("raw data access (JdbcTemplate, NamedParameterJdbcTemplate, JdbcClient, EntityManager, DataSource, …)");

    private DataAccessRules() {
    }

    /** {@code root.feature.internal..} of every feature. */
    public static List<String> internalPackages(String root, List<String> features) {
        return features.stream().map(feature -> root + "." + feature + ".internal..").toList();
    }

    /**
     * Classes that use a raw data-access type (any of {@link #RAW_DATA_ACCESS_TYPES} or their
     * subtypes) reside in a feature's {@code internal} package or in one of {@code alsoAllowed}.
     */
    public static ArchRule rawDataAccessOnlyInInternalPackages(String root, List<String> features,
            String... alsoAllowed) {
        List<String> allowed = Stream.concat(internalPackages(root, features).stream(), Stream.of(alsoAllowed))
                .toList();
        return classes().should(useRawDataAccessOnlyIn(allowed))
                .because("each feature owns its tables: SQL lives in the feature's internal package, "
                        + "other features reach the data through the feature's typed services and events");
    }

    /** Spring Data repositories (subtypes of {@link Repository}) reside in a feature's {@code internal} package. */
    public static ArchRule repositoriesOnlyInInternalPackages(String root, List<String> features) {
        return classes().that().areAssignableTo(Repository.class)
                .should().resideInAnyPackage(internalPackages(root, features).toArray(String[]::new))
                .because("a repository is how a feature reaches its own tables; other features use its services")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> useRawDataAccessOnlyIn(List<String> packages) {
        PackageMatchers allowed = PackageMatchers.of(packages);
        return new ArchCondition<>("use " + RAW_DATA_ACCESS.getDescription() + " only in " + packages) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (allowed.test(javaClass.getPackageName())) {
                    return;
                }
                Set<String> used = new TreeSet<>();
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (RAW_DATA_ACCESS.test(target)) {
                        used.add(target.getSimpleName());
                    }
                }
                if (!used.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " uses "
                            + String.join(", ", used) + " outside a feature's internal package ("
                            + javaClass.getSourceCodeLocation().getSourceFileName() + ")"));
                }
            }
        };
    }
}
