package io.github.dbperf.orm;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.orm.clean.CleanApplication;
import io.github.dbperf.orm.defects.DefectsApplication;
import io.github.dbperf.orm.defects.Item;
import io.github.dbperf.orm.defects.ItemRepository;
import io.github.dbperf.orm.defects.Shelf;
import io.github.dbperf.orm.defects.ShelfRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping findings read at startup: a model with one defect per item gives exactly those
 * findings on every engine, a model mapped as an expert would map it gives none, settings
 * count as Hibernate resolved them, and traffic adds the evidence.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingReviewTests {

	private static final List<String> DEFECTS = List.of("EAGER_COLLECTION:Shelf.items",
			"UNIDIRECTIONAL_ONE_TO_MANY:Shelf.labels", "ONE_TO_MANY_JOIN_TABLE:Shelf.notes",
			"MANY_TO_MANY_LIST:Shelf.tags", "ONE_TO_ONE_PARENT_SIDE:Shelf.plaque", "IDENTITY_IDS:Shelf",
			"EAGER_TO_ONE:Item.shelf", "SEQUENCE_ALLOCATION_ONE:Item", "JDBC_BATCHING_OFF:hibernate.jdbc.batch_size",
			"NO_BATCH_FETCHING:hibernate.default_batch_fetch_size",
			"PAGINATION_IN_MEMORY_ALLOWED:hibernate.query.fail_on_pagination_over_collection_fetch");

	private static final String[] EXPERT_SETTINGS = { "spring.jpa.properties.hibernate.jdbc.batch_size=50",
			"spring.jpa.properties.hibernate.order_inserts=true", "spring.jpa.properties.hibernate.order_updates=true",
			"spring.jpa.properties.hibernate.default_batch_fetch_size=16",
			"spring.jpa.properties.hibernate.query.fail_on_pagination_over_collection_fetch=true" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withPropertyValues(
			"spring.jpa.hibernate.ddl-auto=create-drop", "spring.main.web-application-type=none",
			"dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aModelWithOneDefectPerItemGetsExactlyThoseFindings(Engine engine) {
		this.contextRunner.withUserConfiguration(DefectsApplication.class)
			.withPropertyValues(engine.dataSourceProperties())
			.run((context) -> assertThat(names(context)).containsExactlyInAnyOrderElementsOf(DEFECTS));
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aModelMappedAsAnExpertWouldGetsNone(Engine engine) {
		this.contextRunner.withUserConfiguration(CleanApplication.class)
			.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues(EXPERT_SETTINGS)
			.run((context) -> assertThat(names(context)).isEmpty());
	}

	@Test
	void batchingWithoutOrderingNamesTheOrderingSetting() {
		this.contextRunner.withUserConfiguration(CleanApplication.class)
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues(EXPERT_SETTINGS)
			.withPropertyValues("spring.jpa.properties.hibernate.order_inserts=false")
			.run((context) -> assertThat(names(context)).containsExactly("BATCH_ORDERING_OFF:hibernate.order_inserts"));
	}

	@Test
	void openSessionInViewIsAFindingOfAWebApplicationUntilItIsTurnedOff() {
		WebApplicationContextRunner web = new WebApplicationContextRunner()
			.withUserConfiguration(CleanApplication.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues(EXPERT_SETTINGS);
		web.run((context) -> assertThat(names(context)).containsExactly("OPEN_IN_VIEW:spring.jpa.open-in-view"));
		web.withPropertyValues("spring.jpa.open-in-view=false").run((context) -> assertThat(names(context)).isEmpty());
	}

	@Test
	void ignoredKindsAndFindingsAreLeftOut() {
		this.contextRunner.withUserConfiguration(DefectsApplication.class)
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.mappings.ignore=EAGER_TO_ONE,IDENTITY_IDS:Shelf,NO_BATCH_FETCHING")
			.run((context) -> assertThat(names(context)).hasSize(DEFECTS.size() - 3)
				.doesNotContain("EAGER_TO_ONE:Item.shelf", "IDENTITY_IDS:Shelf",
						"NO_BATCH_FETCHING:hibernate.default_batch_fetch_size"));
	}

	@Test
	void anIgnoreEntryThatNamesNoKindFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(DefectsApplication.class)
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.mappings.ignore=EAGER_TO_ONE,EAGER:Book.author")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dbperf.mappings.ignore[1]"));
	}

	@Test
	void startupSaysHowManyFindingsAndWhereToReadThem(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(DefectsApplication.class)
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.run((context) -> assertThat(context).hasNotFailed());
		// NO_BATCH_FETCHING waits for evidence: the line counts the others.
		assertThat(output).contains("dbperf reviewed the mappings and settings in")
			.contains((DEFECTS.size() - 1) + " finding(s)")
			.contains("EAGER_TO_ONE=1")
			.contains("/actuator/dbperf");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void anNPlusOneOfAnEagerAssociationIsItsMappingsEvidence(Engine engine) throws Exception {
		try (RunningApplication application = RunningApplication.start(DefectsApplication.class, engine,
				"dbperf.slow-query.log=false")) {
			JsonNode before = mappings(application);
			assertThat(names(before)).containsExactlyInAnyOrderElementsOf(
					DEFECTS.stream().filter((name) -> !name.startsWith("NO_BATCH_FETCHING")).toList());
			assertThat(find(before, "EAGER_TO_ONE:Item.shelf").get("evidence")).isEmpty();
			TransactionTemplate transactions = application.bean(TransactionTemplate.class);
			transactions.executeWithoutResult((status) -> {
				for (int i = 0; i < 6; i++) {
					Shelf shelf = new Shelf();
					shelf.setName("shelf" + i);
					application.bean(ShelfRepository.class).save(shelf);
					Item item = new Item();
					item.setShelf(shelf);
					application.bean(ItemRepository.class).save(item);
				}
			});
			try (Scope unit = DbPerf.scope("items")) {
				assertThat(application.bean(ItemRepository.class).findAll()).hasSize(6);
			}
			JsonNode after = mappings(application);
			JsonNode evidence = find(after, "EAGER_TO_ONE:Item.shelf").get("evidence");
			assertThat(evidence).isNotEmpty();
			assertThat(evidence.get(0).get("kind").asText()).isEqualTo("N_PLUS_ONE");
			assertThat(evidence.get(0).get("entrypoint").asText()).isEqualTo("items");
			// No batch fetching is shown now that traffic paid for it.
			assertThat(find(after, "NO_BATCH_FETCHING:hibernate.default_batch_fetch_size").get("evidence"))
				.isNotEmpty();
		}
	}

	private static List<String> names(ApplicationContext context) {
		return context.getBean(ReviewedMappings.class).findings().stream().map(MappingFinding::name).toList();
	}

	private static JsonNode mappings(RunningApplication application) throws Exception {
		HttpResponse<String> response = application.get("/actuator/dbperf", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		return new ObjectMapper().readTree(response.body()).get("mappings");
	}

	private static List<String> names(JsonNode mappings) {
		return java.util.stream.StreamSupport.stream(mappings.spliterator(), false)
			.map((mapping) -> mapping.get("name").asText())
			.toList();
	}

	private static JsonNode find(JsonNode mappings, String name) {
		for (JsonNode mapping : mappings) {
			if (mapping.get("name").asText().equals(name)) {
				return mapping;
			}
		}
		throw new AssertionError(name + " not in " + mappings);
	}

}
