package io.kioskfleet.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The agent is what a real laptop runs: it speaks the protocol and reads policies, and never
 * reaches into the server's code, its store or its framework.
 */
@AnalyzeClasses(packages = "io.kioskfleet.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentBoundaryTest {

    @ArchTest
    static final ArchRule theAgentKnowsOnlyTheProtocolAndPolicies = noClasses()
        .that().resideInAPackage("io.kioskfleet.agent..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
            "io.kioskfleet.core..", "io.kioskfleet.agentapi..", "io.kioskfleet.console..", "io.kioskfleet.jobs..",
            "io.kioskfleet.app..");
}
