package io.github.dbperf.findings.writes;

import java.util.List;
import java.util.stream.IntStream;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Finding.WriteDetails;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.testapp.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write path on real engines: each pattern gives its finding with the reason and the
 * fix, and its fixed twin, run the same way, gives none.
 */
class WritePathTests {

	private static final String[] BATCHING = { "spring.jpa.properties.hibernate.jdbc.batch_size=50",
			"spring.jpa.properties.hibernate.order_inserts=true",
			"spring.jpa.properties.hibernate.order_updates=true" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(WritesApplication.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.main.web-application-type=none", "dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void identityIdsAreUnbatchedInsertsAndSequenceIdsAreTwoBatches(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues(BATCHING)
			.run((context) -> {
				try (Scope unit = DbPerf.scope("crates")) {
					context.getBean(CrateRepository.class)
						.saveAll(IntStream.range(0, 100).mapToObj((i) -> new Crate("crate" + i)).toList());
				}
				try (Scope unit = DbPerf.scope("parcels")) {
					context.getBean(ParcelRepository.class)
						.saveAll(IntStream.range(0, 100).mapToObj((i) -> new Parcel("parcel" + i)).toList());
				}
				assertThat(findingsOf(context, "crates")).singleElement().satisfies((finding) -> {
					assertThat(finding.kind()).isEqualTo(FindingKind.UNBATCHED_WRITES);
					assertThat(finding.sql()).startsWith("insert into crate");
					assertThat(finding.maxRepetitions()).isEqualTo(100);
					assertThat(finding.method()).isEqualTo("saveAll");
					assertThat(finding.details()).isEqualTo(new WriteDetails("Crate", "crate", "IDENTITY_IDS"));
					assertThat(finding.suggestions().get(0)).contains("GenerationType.SEQUENCE");
				});
				assertThat(findingsOf(context, "parcels")).isEmpty();
				List<StatementEvent> parcelInserts = context.getBean(WritesApplication.Recorder.class)
					.events()
					.stream()
					.filter((event) -> event.fingerprint().sql().startsWith("insert into parcel"))
					.toList();
				assertThat(parcelInserts).extracting(StatementEvent::batchSize).containsExactly(50, 50);
			});
	}

	@Test
	void batchingOffIsTheReasonAndTurningItOnRemovesTheFinding() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			saveParcels(context);
			assertThat(findingsOf(context, "parcels")).singleElement().satisfies((finding) -> {
				assertThat(finding.kind()).isEqualTo(FindingKind.UNBATCHED_WRITES);
				assertThat(((WriteDetails) finding.details()).reason()).isEqualTo("JDBC_BATCHING_OFF");
				assertThat(finding.suggestions().get(0)).contains("spring.jpa.properties.hibernate.jdbc.batch_size=50");
			});
		});
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues(BATCHING)
			.run((context) -> {
				saveParcels(context);
				assertThat(findingsOf(context, "parcels")).isEmpty();
			});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aUnidirectionalOneToManyUpdatesEachChildAfterItsInsertAndItsBidirectionalTwinDoesNot(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues(BATCHING)
			.run((context) -> {
				try (Scope unit = DbPerf.scope("invoice")) {
					Invoice invoice = new Invoice("invoice");
					IntStream.range(0, 10).forEach((i) -> invoice.getLines().add(new InvoiceLine("line" + i)));
					context.getBean(InvoiceRepository.class).save(invoice);
				}
				try (Scope unit = DbPerf.scope("receipt")) {
					Receipt receipt = new Receipt("receipt");
					IntStream.range(0, 10).forEach((i) -> receipt.getLines().add(new ReceiptLine("line" + i)));
					context.getBean(ReceiptRepository.class).save(receipt);
				}
				try (Scope unit = DbPerf.scope("basket")) {
					Basket basket = new Basket("basket");
					IntStream.range(0, 10).forEach((i) -> basket.getLines().add(new BasketLine("line" + i, basket)));
					context.getBean(BasketRepository.class).save(basket);
				}
				assertThat(findingsOf(context, "invoice")).singleElement().satisfies((finding) -> {
					assertThat(finding.kind()).isEqualTo(FindingKind.EXTRA_UPDATE);
					assertThat(finding.sql()).startsWith("update invoice_line set invoice_id");
					assertThat(finding.association()).isEqualTo("Invoice.lines");
					assertThat(finding.triggeredBySql()).startsWith("insert into invoice_line");
					assertThat(finding.suggestions().get(0)).contains("mappedBy");
				});
				// Both fixes dbperf suggests, applied: no update after the inserts.
				assertThat(findingsOf(context, "receipt")).isEmpty();
				assertThat(findingsOf(context, "basket")).isEmpty();
				assertThat(context.getBean(WritesApplication.Recorder.class).events())
					.filteredOn((event) -> event.entrypoint().equals("receipt") || event.entrypoint().equals("basket"))
					.extracting((event) -> event.fingerprint().operation().name())
					.doesNotContain("UPDATE");
			});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aManyToManyListIsDeletedAndInsertedAgainWholeAndASetIsNot(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues(BATCHING)
			.run((context) -> {
				TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
				List<Topic> topics = context.getBean(TopicRepository.class)
					.saveAll(IntStream.rangeClosed(1, 5).mapToObj((i) -> new Topic((long) i)).toList());
				Article article = new Article("article");
				article.getTopics().addAll(topics);
				long articleId = context.getBean(ArticleRepository.class).save(article).getId();
				Review review = new Review("review");
				review.getTopics().addAll(topics);
				long reviewId = context.getBean(ReviewRepository.class).save(review).getId();
				try (Scope unit = DbPerf.scope("article")) {
					transactions.executeWithoutResult((status) -> context.getBean(ArticleRepository.class)
						.findById(articleId)
						.orElseThrow()
						.getTopics()
						.remove(0));
				}
				try (Scope unit = DbPerf.scope("review")) {
					transactions.executeWithoutResult((status) -> context.getBean(ReviewRepository.class)
						.findById(reviewId)
						.orElseThrow()
						.getTopics()
						.remove(new Topic(1L)));
				}
				assertThat(findingsOf(context, "article")).singleElement().satisfies((finding) -> {
					assertThat(finding.kind()).isEqualTo(FindingKind.COLLECTION_RECREATED);
					assertThat(finding.sql()).startsWith("delete from article_topics");
					assertThat(finding.association()).isEqualTo("Article.topics");
					assertThat(finding.suggestions().get(0)).contains("as a Set");
				});
				assertThat(findingsOf(context, "review")).isEmpty();
			});
	}

	private static void saveParcels(AssertableApplicationContext context) {
		try (Scope unit = DbPerf.scope("parcels")) {
			context.getBean(ParcelRepository.class)
				.saveAll(IntStream.range(0, 100).mapToObj((i) -> new Parcel("parcel" + i)).toList());
		}
	}

	private static List<Finding> findingsOf(AssertableApplicationContext context, String entrypoint) {
		return context.getBean(Findings.class)
			.snapshot()
			.stream()
			.filter((finding) -> finding.entrypoint().equals(entrypoint))
			.toList();
	}

}
