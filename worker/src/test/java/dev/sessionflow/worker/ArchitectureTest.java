package dev.sessionflow.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module direction worker -> activities -> workflows, and no package cycles. */
@AnalyzeClasses(packages = "dev.sessionflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule workflowsDependOnNeitherActivitiesNorWorker =
      noClasses()
          .that()
          .resideInAPackage("dev.sessionflow.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.sessionflow.activities..", "dev.sessionflow.worker..");

  @ArchTest
  static final ArchRule activitiesDoNotDependOnTheWorker =
      noClasses()
          .that()
          .resideInAPackage("dev.sessionflow.activities..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sessionflow.worker..");

  @ArchTest
  static final ArchRule workflowsUseNoSpring =
      noClasses()
          .that()
          .resideInAPackage("dev.sessionflow.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule noModuleCycles =
      slices().matching("dev.sessionflow.(*)..").should().beFreeOfCycles();

  /** No package cycle: within each module, packages form layers (docs/architecture.md). */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.sessionflow.(**)").should().beFreeOfCycles();
}
