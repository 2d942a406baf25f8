package io.kioskfleet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows between the parts, as drawn in docs/architecture.md: dependencies point one way,
 * downwards, and the pure parts stay free of frameworks.
 */
@AnalyzeClasses(packages = "io.kioskfleet",
    importOptions = {ImportOption.DoNotIncludeTests.class, ModuleArrowsTest.NoTestJars.class})
class ModuleArrowsTest {

    /** Other modules' test fixtures arrive as {@code -tests.jar}; they are not production code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String[] FRAMEWORKS = {"org.springframework..", "com.mongodb..", "org.bson..",
        "de.bwaldvogel..", "jakarta.servlet..", "org.apache.hc.."};

    @ArchTest
    static final ArchRule protocolStandsAlone = noClasses().that().resideInAPackage("io.kioskfleet.protocol..")
        .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS,
            "io.kioskfleet.policies..", "io.kioskfleet.core..", "io.kioskfleet.agentapi..", "io.kioskfleet.console..",
            "io.kioskfleet.jobs..", "io.kioskfleet.agent..", "io.kioskfleet.app.."));

    @ArchTest
    static final ArchRule policiesKnowOnlyTheProtocol = noClasses().that().resideInAPackage("io.kioskfleet.policies..")
        .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS,
            "io.kioskfleet.core..", "io.kioskfleet.agentapi..", "io.kioskfleet.console..", "io.kioskfleet.jobs..",
            "io.kioskfleet.agent..", "io.kioskfleet.app.."));

    @ArchTest
    static final ArchRule coreKnowsMongoButNotTheWeb = noClasses().that().resideInAPackage("io.kioskfleet.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
            "io.kioskfleet.agentapi..", "io.kioskfleet.console..", "io.kioskfleet.jobs..", "io.kioskfleet.agent..",
            "io.kioskfleet.app..");

    @ArchTest
    static final ArchRule deviceApiMeetsOthersOnlyInCore = noClasses().that().resideInAPackage("io.kioskfleet.agentapi..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kioskfleet.console..", "io.kioskfleet.jobs..",
            "io.kioskfleet.app..", "io.kioskfleet.agent..");

    @ArchTest
    static final ArchRule consoleMeetsOthersOnlyInCore = noClasses().that().resideInAPackage("io.kioskfleet.console..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kioskfleet.agentapi..", "io.kioskfleet.jobs..",
            "io.kioskfleet.app..", "io.kioskfleet.agent..");

    @ArchTest
    static final ArchRule jobsMeetOthersOnlyInCore = noClasses().that().resideInAPackage("io.kioskfleet.jobs..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kioskfleet.agentapi..", "io.kioskfleet.console..",
            "io.kioskfleet.app..", "io.kioskfleet.agent..");

    @ArchTest
    static final ArchRule coreFeaturesHaveNoCycles = slices().matching("io.kioskfleet.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noManagersOrUtils = noClasses().that().resideInAPackage("io.kioskfleet..")
        .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Util")
        .orShould().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper");

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
