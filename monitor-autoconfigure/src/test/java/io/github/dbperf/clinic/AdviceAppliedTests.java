package io.github.dbperf.clinic;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.testapp.Engine;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbperf's advice on the shapes of a real clinic application, proven by applying it: the
 * first suggestion of each finding is applied (a setting read from the suggestion's own
 * text, or a twin repository that must carry the suggested declaration), the same traffic
 * runs again, the answers are the same, the finding is gone and nothing new appears, and
 * Hibernate never pages in memory.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdviceAppliedTests {

	private static final Pattern SETTING = Pattern
		.compile("(spring\\.jpa\\.properties\\.hibernate\\.default_batch_fetch_size=\\d+)");

	private static final Pattern GRAPH_PATH = Pattern.compile("@EntityGraph\\(attributePaths = \"([^\"]+)\"\\)");

	private static final Pattern GRAPH = Pattern.compile("@EntityGraph\\(attributePaths = \"([^\"]+)\"\\) (.+);$");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ClinicApplication.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.main.web-application-type=none", "dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "H2", "POSTGRES" })
	void withBatchFetchingACorrectClinicHasNoFindingAtAll(Engine engine, CapturedOutput output) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("spring.jpa.properties.hibernate.default_batch_fetch_size=16")
			.run((context) -> {
				seed(context);
				traffic(context, false);
				// Pets of the page come in one batch inside the paged call: no page is
				// cut in memory.
				assertThat(findings(context)).isEmpty();
				assertThat(output.getOut()).doesNotContain("HHH90003004");
			});
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "H2", "POSTGRES" })
	void eachFirstSuggestionAppliedLeavesTheSameAnswersAndNoFinding(Engine engine, CapturedOutput output)
			throws NoSuchMethodException {
		String[] dataSource = engine.dataSourceProperties();
		List<String> answers = new ArrayList<>();
		List<Finding> before = new ArrayList<>();
		this.contextRunner.withPropertyValues(dataSource).run((context) -> {
			seed(context);
			answers.addAll(traffic(context, false));
			before.addAll(findings(context));
		});
		assertThat(before).allSatisfy((finding) -> assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE));

		// The paged owner search: a collection under a paging loader is never fetched
		// with it.
		Finding pets = find(before, "owners", "Owner.pets");
		assertThat(pets.method()).isEqualTo("findByLastNameStartingWith");
		assertThat(pets.suggestions().get(0))
			.startsWith("OwnerRepository.findByLastNameStartingWith(String, Pageable) pages its rows")
			.contains("@BatchSize(size = 10) on Owner.pets");
		Finding visits = find(before, "owners", "Pet.visits");
		assertThat(visits.suggestions().get(0)).contains("fetching pets.visits with it")
			.contains("@BatchSize(size = 10) on Pet.visits");
		assertThat(String.join("\n", visits.suggestions())).doesNotContain("@EntityGraph(attributePaths = \"visits\")")
			.contains("The root cause is the mapping: Pet.visits is EAGER");
		Finding pagedVets = find(before, "vets-page", "Vet.specialties");
		assertThat(pagedVets.suggestions().get(0)).startsWith("VetRepository.findAll(Pageable) pages its rows");
		// The unpaged, inherited findAll(): declare it with the graph.
		Finding vets = find(before, "vets", "Vet.specialties");
		assertThat(vets.suggestions().get(0)).contains("VetRepository.findAll() loads: it is inherited")
			.endsWith("@EntityGraph(attributePaths = \"specialties\") List<Vet> findAll();");
		assertThat(before).hasSize(4);

		// Applied: the setting exactly as the owner search's first suggestion writes it.
		Matcher setting = SETTING.matcher(pets.suggestions().get(0));
		assertThat(setting.find()).isTrue();
		// Applied: the twin declares exactly what the unpaged finding's first suggestion
		// writes.
		Matcher graph = GRAPH.matcher(vets.suggestions().get(0));
		assertThat(graph.find()).isTrue();
		Method twin = FixedVetRepository.class.getMethod("findAll");
		assertThat(twin.getAnnotation(EntityGraph.class).attributePaths()).containsExactly(graph.group(1));
		assertThat(declaration(twin)).isEqualTo(graph.group(2));

		this.contextRunner.withPropertyValues(dataSource).withPropertyValues(setting.group(1)).run((context) -> {
			seed(context);
			assertThat(traffic(context, true)).isEqualTo(answers);
			assertThat(findings(context)).isEmpty();
		});
		assertThat(output.getOut()).doesNotContain("HHH90003004")
			.doesNotContain("cannot simultaneously fetch multiple bags");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "H2", "POSTGRES" })
	void lazyBagsGetAGraphForOneAndBatchesWhereAPathCrossesTwo(Engine engine, CapturedOutput output)
			throws NoSuchMethodException {
		String[] dataSource = engine.dataSourceProperties();
		List<String> answers = new ArrayList<>();
		List<Finding> before = new ArrayList<>();
		this.contextRunner.withPropertyValues(dataSource).run((context) -> {
			seedHouseholds(context);
			answers.addAll(households(context, false));
			before.addAll(findings(context));
		});
		assertThat(before).hasSize(2)
			.allSatisfy((finding) -> assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE));
		Finding animals = find(before, "households", "Household.animals");
		assertThat(animals.suggestions().get(0)).isEqualTo("Fetch Household.animals with the rows that "
				+ "HouseholdRepository.findByNameStartingWith(String) loads: annotate that method in HouseholdRepository "
				+ "with @EntityGraph(attributePaths = \"animals\")");
		Finding toys = find(before, "households", "Animal.toys");
		assertThat(toys.suggestions().get(0))
			.startsWith("Load Animal.toys in batches, @BatchSize(size = 12) on Animal.toys")
			.contains("animals.toys crosses two List collections");
		assertThat(String.join("\n", toys.suggestions())).doesNotContain("attributePaths = \"animals.toys\"");

		Matcher graph = GRAPH_PATH.matcher(animals.suggestions().get(0));
		assertThat(graph.find()).isTrue();
		Method twin = FixedHouseholdRepository.class.getMethod("findByNameStartingWith", String.class);
		assertThat(twin.getAnnotation(EntityGraph.class).attributePaths()).containsExactly(graph.group(1));
		Matcher setting = SETTING.matcher(toys.suggestions().get(0));
		assertThat(setting.find()).isTrue();
		this.contextRunner.withPropertyValues(dataSource).withPropertyValues(setting.group(1)).run((context) -> {
			seedHouseholds(context);
			assertThat(households(context, true)).isEqualTo(answers);
			assertThat(findings(context)).isEmpty();
		});
		assertThat(output.getOut()).doesNotContain("cannot simultaneously fetch multiple bags")
			.doesNotContain("HHH90003004");
	}

	private static void seedHouseholds(AssertableApplicationContext context) {
		context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			jakarta.persistence.EntityManager entityManager = context
				.getBean(jakarta.persistence.EntityManagerFactory.class)
				.createEntityManager();
			entityManager.joinTransaction();
			for (int h = 0; h < 6; h++) {
				Household household = new Household("House" + h);
				entityManager.persist(household);
				for (int a = 0; a < 2; a++) {
					Animal animal = new Animal("animal" + h + "-" + a, household);
					entityManager.persist(animal);
					for (int t = 0; t <= a; t++) {
						entityManager.persist(new Toy(animal));
					}
				}
			}
			entityManager.flush();
			entityManager.close();
		});
	}

	private static List<String> households(AssertableApplicationContext context, boolean fixedTwin) {
		try (Scope unit = DbPerf.scope("households")) {
			return context.getBean(TransactionTemplate.class).execute((status) -> {
				List<Household> households = fixedTwin
						? context.getBean(FixedHouseholdRepository.class).findByNameStartingWith("House")
						: context.getBean(HouseholdRepository.class).findByNameStartingWith("House");
				return households.stream()
					.sorted(java.util.Comparator.comparing(Household::getName))
					.map((household) -> household.getName() + household.getAnimals()
						.stream()
						.map((animal) -> animal.getName() + ":" + animal.getToys().size())
						.sorted()
						.toList())
					.toList();
			});
		}
	}

	private static void seed(AssertableApplicationContext context) {
		context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			jakarta.persistence.EntityManager entityManager = context
				.getBean(jakarta.persistence.EntityManagerFactory.class)
				.createEntityManager();
			entityManager.joinTransaction();
			List<PetType> types = List.of(new PetType("cat"), new PetType("dog"), new PetType("bird"));
			types.forEach(entityManager::persist);
			for (int i = 0; i < 10; i++) {
				Owner owner = new Owner("Owner" + i);
				for (int p = 0; p < 2; p++) {
					Pet pet = new Pet("pet" + i + "-" + p, types.get((i + p) % 3));
					pet.getVisits().add(new Visit("first"));
					pet.getVisits().add(new Visit("second"));
					owner.getPets().add(pet);
				}
				entityManager.persist(owner);
			}
			List<Specialty> specialties = List.of(new Specialty("surgery"), new Specialty("dentistry"),
					new Specialty("radiology"));
			specialties.forEach(entityManager::persist);
			for (int i = 0; i < 6; i++) {
				Vet vet = new Vet("vet" + i);
				vet.getSpecialties().add(specialties.get(i % 3));
				vet.getSpecialties().add(specialties.get((i + 1) % 3));
				entityManager.persist(vet);
			}
			entityManager.flush();
			entityManager.close();
		});
	}

	/** The clinic's three pages, each a unit of work; the answers as text. */
	private static List<String> traffic(AssertableApplicationContext context, boolean fixedTwin) {
		List<String> answers = new ArrayList<>();
		try (Scope unit = DbPerf.scope("owners")) {
			context.getBean(OwnerRepository.class)
				.findByLastNameStartingWith("Owner", PageRequest.of(0, 5))
				.forEach((owner) -> answers.add(owner.getLastName() + owner.getPets()
					.stream()
					.map((pet) -> pet.getName() + ":" + pet.getVisits().size())
					.toList()));
		}
		try (Scope unit = DbPerf.scope("vets-page")) {
			context.getBean(VetRepository.class)
				.findAll(PageRequest.of(0, 6))
				.forEach((vet) -> answers.add("page " + vet.getSpecialties().size()));
		}
		try (Scope unit = DbPerf.scope("vets")) {
			List<Vet> vets = fixedTwin ? context.getBean(FixedVetRepository.class).findAll()
					: context.getBean(VetRepository.class).findAll();
			vets.forEach((vet) -> answers.add("all " + vet.getSpecialties().size()));
		}
		return answers;
	}

	private static List<Finding> findings(AssertableApplicationContext context) {
		return context.getBean(Findings.class).snapshot();
	}

	private static Finding find(List<Finding> findings, String entrypoint, String association) {
		return findings.stream()
			.filter((finding) -> finding.entrypoint().equals(entrypoint) && association.equals(finding.association()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + association + " finding in " + entrypoint + ": " + findings));
	}

	/**
	 * {@code List<Vet> findAll()} of a method, as the suggestion writes a declaration.
	 */
	private static String declaration(Method method) {
		String type = method.getGenericReturnType().getTypeName().replaceAll("[a-z0-9_.]+\\.([A-Z])", "$1");
		return type + " " + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.reduce((a, b) -> a + ", " + b)
					.map((parameters) -> "(" + parameters + ")")
					.orElse("()");
	}

}
