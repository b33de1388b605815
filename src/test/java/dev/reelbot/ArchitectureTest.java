package dev.reelbot;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.reelbot.core.job.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of design.md as rules on the compiled classes: the core knows no platform or library, adapters know
 * the core and not each other, the simulator stands apart, no package cycles, the stages inside the core in their
 * order, one place that changes a job, and small files.
 */
@AnalyzeClasses(packages = "dev.reelbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String CORE = "dev.reelbot.core..";
    private static final int MAX_LINES = 300;

    /** Each package of the bot is a slice of its own (sub-packages too), the root package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.reelbot")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.reelbot";
        }
    };

    @ArchTest
    static final ArchRule coreUsesOnlyTheJdkAndSlf4j = classes().that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", CORE)
            .because("the engine decides everything once and must not depend on a platform or a library");

    @ArchTest
    static final ArchRule videoApiKnowsOnlyTheCore = adapter("videoapi");

    @ArchTest
    static final ArchRule storeKnowsOnlyTheCore = adapter("store");

    @ArchTest
    static final ArchRule slackKnowsOnlyTheCore = adapter("slack");

    @ArchTest
    static final ArchRule discordKnowsOnlyTheCore = adapter("discord");

    @ArchTest
    static final ArchRule consoleKnowsOnlyTheCore = adapter("console");

    /** The web layer serves Slack's HTTP mode, so it may know Slack's endpoint too. */
    @ArchTest
    static final ArchRule webKnowsOnlyTheCoreAndSlack = adapter("web", "dev.reelbot.slack..");

    @ArchTest
    static final ArchRule configKnowsOnlyTheCore = adapter("config");

    @ArchTest
    static final ArchRule mediaKnowsOnlyTheCore = adapter("media");

    @ArchTest
    static final ArchRule simulatorKnowsNothingOfTheBot = classes().that().resideInAPackage("dev.reelbot.simulator..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.reelbot..")
                    .or(resideInAPackage("dev.reelbot.simulator..")))
            .because("the simulator fakes the video API from its documentation, not from the bot's code");

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    /**
     * The flow inside the core: each stage uses the ones before it (text, ports, job, billing, command, render, queue,
     * deliver, notice); only the engine assembles them all.
     */
    @ArchTest
    static final ArchRule coreStagesInTheirOrder = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("text").definedBy("dev.reelbot.core.text..")
            .layer("ports").definedBy("dev.reelbot.core")
            .layer("job").definedBy("dev.reelbot.core.job..")
            .layer("billing").definedBy("dev.reelbot.core.billing..")
            .layer("command").definedBy("dev.reelbot.core.command..")
            .layer("render").definedBy("dev.reelbot.core.render..")
            .layer("queue").definedBy("dev.reelbot.core.queue..")
            .layer("deliver").definedBy("dev.reelbot.core.deliver..")
            .layer("notice").definedBy("dev.reelbot.core.notice..")
            .layer("engine").definedBy("dev.reelbot.core.engine..")
            .whereLayer("engine").mayNotBeAccessedByAnyLayer()
            .whereLayer("notice").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("deliver").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("queue").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("command").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("render").mayOnlyBeAccessedByLayers("queue", "notice", "engine")
            .whereLayer("billing").mayOnlyBeAccessedByLayers("command", "render", "engine")
            .whereLayer("job").mayOnlyBeAccessedByLayers("billing", "command", "render", "queue", "deliver", "notice",
                    "engine")
            .whereLayer("ports").mayOnlyBeAccessedByLayers("job", "billing", "command", "render", "queue", "deliver",
                    "notice", "engine");

    /**
     * Every change of a job is derived in core.job (by {@code Transitions}); elsewhere a job is only created new
     * ({@code Job.submitting}) or, by the store, read back from its row and stamped with the version it was written
     * at.
     */
    @ArchTest
    static final ArchRule onlyCoreJobChangesAJob = noClasses()
            .that().resideOutsideOfPackages("dev.reelbot.core.job..", "dev.reelbot.store..")
            .should().callConstructorWhere(describe("a constructor of Job",
                    call -> call.getTarget().getOwner().isEquivalentTo(Job.class)))
            .orShould().callMethodWhere(describe("a with... method of Job",
                    call -> call.getTarget().getOwner().isEquivalentTo(Job.class)
                            && call.getTarget().getName().startsWith("with")))
            .because("Transitions is the one place that decides what happens to a job next");

    @ArchTest
    static final ArchRule filesStaySmall = classes().that().areTopLevelClasses()
            .should(beInAFileOfAtMost(MAX_LINES));

    /** Classes of {@code dev.reelbot.<name>} depend on themselves, the core, their libraries and {@code more}. */
    private static ArchRule adapter(String name, String... more) {
        String own = "dev.reelbot." + name + "..";
        String[] allowed = new String[more.length + 2];
        allowed[0] = own;
        allowed[1] = CORE;
        System.arraycopy(more, 0, allowed, 2, more.length);
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.reelbot..").or(resideInAnyPackage(allowed)))
                .because("adapters translate between the core and one outside world, and never reach into another");
    }

    /** The source file of a top-level class has at most {@code max} lines (read from src/main/java). */
    private static ArchCondition<JavaClass> beInAFileOfAtMost(int max) {
        return new ArchCondition<>("be in a source file of at most " + max + " lines") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Path file = Path.of("src/main/java", javaClass.getPackageName().replace('.', '/'),
                        javaClass.getSourceCodeLocation().getSourceFileName());
                try {
                    long lines = Files.readAllLines(file).size();
                    events.add(new SimpleConditionEvent(javaClass, lines <= max,
                            file + " has " + lines + " lines"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the source of " + javaClass.getName(), e);
                }
            }
        };
    }
}
