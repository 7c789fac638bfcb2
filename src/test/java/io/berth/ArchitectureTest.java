package io.berth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.berth.rbac.control.CallerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the capability graph of {@code ARCHITECTURE.md} one way, on the compiled classes (so an import, a field
 * type, a method call, an annotation or a fully qualified name in code all count; Javadoc does not).
 * <p>
 * {@link #LEVELS} is the layering, bottom to top: a capability may use the capabilities on lower levels and never
 * one on its own level or above. A lower capability hears from a higher one only through a CDI event (the records
 * in {@code io.berth.events}) or an SPI interface it declares and the higher one implements (the registry's
 * {@code StorageQuota}, implemented by {@code io.berth.quota}).
 */
class ArchitectureTest {

    /** Bottom to top; a capability on one level may use every capability on the levels below it, nothing else. */
    static final List<List<String>> LEVELS = List.of(
            List.of("storage", "events"),
            List.of("platform"),
            List.of("jobs"),
            List.of("rbac"),
            List.of("registry", "audit"),
            List.of("auth", "quota", "gc"),
            List.of("app", "console"));

    private static final JavaClasses BERTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.berth");

    @Test
    void everyTopLevelPackageIsACapabilityOfTheLayering() {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : BERTH) {
            String rest = type.getPackageName().substring("io.berth".length());
            found.add(rest.isEmpty() ? "(io.berth itself)" : rest.substring(1).split("\\.")[0]);
        }
        Set<String> known = new TreeSet<>();
        LEVELS.forEach(known::addAll);
        found.removeAll(known);
        assertEquals(Set.of(), found, "packages outside the layering: give each a level in LEVELS and ARCHITECTURE.md");
    }

    @Test
    void capabilitiesUseOnlyLowerLevels() {
        LayeredArchitecture layers = com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (List<String> level : LEVELS) {
            for (String capability : level) {
                layers = layers.layer(capability).definedBy("io.berth." + capability + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String capability : level) {
                layers = below.isEmpty()
                        ? layers.whereLayer(capability).mayNotAccessAnyLayer()
                        : layers.whereLayer(capability).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(level);
        }
        layers.check(BERTH);
    }

    @Test
    void noCyclesBetweenCapabilities() {
        slices().matching("io.berth.(*)..").should().beFreeOfCycles().check(BERTH);
    }

    @Test
    void controlAndEntityCodeNeverReachBoundaryCode() {
        noClasses().that().resideInAnyPackage("io.berth..control..", "io.berth..entity..")
                .should().dependOnClassesThat().resideInAPackage("io.berth..boundary..")
                .because("boundary code (resources, facades, filters) sits on top of control and entity code")
                .check(BERTH);
    }

    @Test
    void theConsoleGoesThroughTheFacadesLikeTheApi() {
        DescribedPredicate<JavaClass> aroundTheFacades = JavaClass.Predicates.resideInAnyPackage(
                        "io.berth..control..", "jakarta.persistence..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(CallerContext.class)));
        noClasses().that().resideInAPackage("io.berth.console..")
                .should().dependOnClassesThat(aroundTheFacades)
                .because("backing beans call the boundary facades, which authorise; control code and queries would go"
                        + " around the permission checks (the request's caller, CallerContext, is the one exception)")
                .check(BERTH);
    }

    @Test
    void entityCodeNeverReachesControlCode() {
        noClasses().that().resideInAPackage("io.berth..entity..")
                .should().dependOnClassesThat().resideInAPackage("io.berth..control..")
                .because("entities and value objects are the bottom of every capability")
                .check(BERTH);
    }
}
