package dev.sessionflow.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/** The module direction worker -> activities -> workflows, and no (new) package cycles. */
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

  /**
   * No new package cycle. The cycles that exist today (between the workflow contracts and the
   * session and automation packages, and between the conversation and session stores) are frozen in
   * {@code src/test/resources/archunit_store}: the rule fails on any other, and the store shrinks
   * as they are removed.
   */
  @ArchTest
  static final ArchRule noNewPackageCycles =
      FreezingArchRule.freeze(slices().matching("dev.sessionflow.(**)").should().beFreeOfCycles());
}
