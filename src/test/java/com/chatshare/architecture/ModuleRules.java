package com.chatshare.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

/**
 * Rules about what a module may know, and about size, written once with the root package and the
 * modules as parameters, so {@code ArchitectureTestBreachesTest} can show each rejecting a
 * deliberate breach in the fixture application as well as {@code ArchitectureTest} checking the
 * real code.
 */
public final class ModuleRules {

    private ModuleRules() {
    }

    /**
     * The module depends on no other package of the application and on no Spring class: plain Java
     * and the libraries it names, so it can be read, tested and reused alone.
     */
    public static ArchRule standsAlone(String root, String module) {
        String own = root + "." + module + "..";
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(own)))
                        .or(resideInAPackage("org.springframework.."))
                        .as("classes of another module of the application, or of Spring"))
                .because(module + " depends on nothing in the application and not on Spring");
    }

    /** No class outside the module depends on it: it is a leaf that only uses others. */
    public static ArchRule nothingDependsOn(String root, String module) {
        String own = root + "." + module + "..";
        return noClasses().that().resideOutsideOfPackage(own)
                .should().dependOnClassesThat().resideInAPackage(own)
                .because("nothing depends on " + module + ": it reads through other modules' APIs and is read by no one");
    }

    /**
     * The module runs no SQL and holds no repository: it reads and writes through other modules'
     * typed APIs.
     */
    public static ArchRule hasNoDataAccess(String root, String module) {
        return noClasses().that().resideInAPackage(root + "." + module + "..")
                .should().dependOnClassesThat(DataAccessRules.RAW_DATA_ACCESS.or(assignableTo(Repository.class))
                        .as("raw data access or a Spring Data repository"))
                .because(module + " has no data access of its own");
    }

    /** Classes of {@code module} depend on none of {@code others}. */
    public static ArchRule knowsNone(String root, String module, String... others) {
        return noClasses().that().resideInAPackage(root + "." + module + "..")
                .should().dependOnClassesThat(resideInAnyPackage(
                        Arrays.stream(others).map(other -> root + "." + other + "..").toArray(String[]::new))
                        .as("classes of " + String.join(" or ", others)))
                .because(module + " knows neither " + String.join(" nor ", others)
                        + ": they use it (or implement its ports), not the other way round");
    }

    /** Every constructor of a class that {@code services} match takes at most {@code max} parameters. */
    public static ArchRule atMostCollaborators(DescribedPredicate<? super JavaClass> services, int max) {
        return classes().that(services).should(new ArchCondition<>("take at most " + max + " collaborators") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaConstructor constructor : type.getConstructors()) {
                    int count = constructor.getRawParameterTypes().size();
                    if (count > max) {
                        events.add(SimpleConditionEvent.violated(constructor, type.getName() + " takes " + count
                                + " collaborators (at most " + max + "): it is several services"));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    /** A source file and its length in lines. */
    public record LongFile(Path file, long lines) {

        @Override
        public String toString() {
            return file + ": " + lines + " lines";
        }
    }

    /** The {@code .java} files under {@code sources} longer than {@code maxLines}, longest first. */
    public static List<LongFile> filesOver(Path sources, int maxLines) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> new LongFile(file, lines(file)))
                    .filter(file -> file.lines() > maxLines)
                    .sorted((a, b) -> Long.compare(b.lines(), a.lines()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packages (directories holding {@code .java} files) under {@code sources} whose
     * {@code package-info.java} is missing or not {@code @NullMarked}, sorted.
     */
    public static List<Path> packagesNotNullMarked(Path sources) {
        try (Stream<Path> directories = Files.walk(sources)) {
            return directories.filter(Files::isDirectory)
                    .filter(ModuleRules::holdsJava)
                    .filter(directory -> !nullMarked(directory.resolve("package-info.java")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean nullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
