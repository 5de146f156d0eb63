package dev.loopsim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.world.MemberState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the code's shape that the module structure alone does not enforce (Maven's
 * enforcer keeps the modules' own direction): no package cycles, a core that knows nothing of
 * files, YAML or the command line, MASON behind its adapter, no randomness but the scenario's
 * derived streams, and the truth only where it belongs.
 */
class ArchitectureTest {
    private static JavaClasses loopsim;

    @BeforeAll
    static void importClasses() {
        loopsim = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loopsim");
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dev.loopsim.(**)").should().beFreeOfCycles().check(loopsim);
    }

    @Test
    void theCoreKnowsNothingOfFilesYamlTheCommandLineOrTheModulesAboveIt() {
        noClasses().that().resideInAPackage("dev.loopsim.core..").should().dependOnClassesThat().resideInAnyPackage(
                "com.fasterxml..", "picocli..", "org.duckdb..", "java.nio.file..", "java.io..",
                "dev.loopsim.users..", "dev.loopsim.policies..", "dev.loopsim.results..", "dev.loopsim.scenarios..",
                "dev.loopsim.cli..").check(loopsim);
    }

    @Test
    void onlyTheClockAdapterSeesMason() {
        noClasses().that().resideOutsideOfPackage("dev.loopsim.core.clock.mason..").should().dependOnClassesThat()
                .resideInAnyPackage("sim..", "ec..").check(loopsim);
    }

    /** Every draw comes from a stream derived from the scenario's seed, so a run can be replayed. */
    @Test
    void noRandomnessOutsideTheDerivedStreams() {
        noClasses().should().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.Random.class, long.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.ThreadLocalRandom.class)
                .orShould().callMethod(java.util.Collections.class, "shuffle", java.util.List.class)
                .check(loopsim);
    }

    @Test
    void onlyTheOracleAndTheRegistryThatBuildsItHoldTheWorldsTruth() {
        noClasses().that().resideInAPackage("dev.loopsim.policies..")
                .and().doNotHaveSimpleName("OracleRanker").and().doNotHaveSimpleName("PolicyType")
                .should().dependOnClassesThat().areAssignableTo(WorldTruth.class).check(loopsim);
    }

    @Test
    void policiesDecideFromTheContextNotTheMembersState() {
        noClasses().that().resideInAPackage("dev.loopsim.policies..").should().accessClassesThat()
                .areAssignableTo(MemberState.class).check(loopsim);
    }
}
