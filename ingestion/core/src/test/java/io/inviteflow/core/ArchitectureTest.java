package io.inviteflow.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries the core relies on, checked on its compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inviteflow.core");

    @Test
    void onlyTheOutboxTalksToKafka() {
        // a service that sent to Kafka itself would be a dual write: an event without its change, or the reverse
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.inviteflow.core.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");
        rule.check(CORE);
    }

    @Test
    void onlyRepositoriesWriteSql() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..");
        rule.check(CORE);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.inviteflow.core.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
