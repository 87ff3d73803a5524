package io.github.dbperf.orm;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads what an entity manager factory's effective settings will cost (Hibernate's
 * options as resolved, so defaults and dialect defaults count), and whether open session
 * in view is on.
 */
public final class SettingsReview {

	static final String BATCH_SIZE = "hibernate.jdbc.batch_size";

	static final String ORDER_INSERTS = "hibernate.order_inserts";

	static final String ORDER_UPDATES = "hibernate.order_updates";

	static final String BATCH_FETCH_SIZE = "hibernate.default_batch_fetch_size";

	static final String FAIL_ON_PAGINATION = "hibernate.query.fail_on_pagination_over_collection_fetch";

	static final String OPEN_IN_VIEW = "spring.jpa.open-in-view";

	private SettingsReview() {
	}

	/**
	 * Review the settings of a factory.
	 * @param factory the entity manager factory
	 * @param openInView whether the application registered open session in view
	 * @return what its settings will cost
	 */
	public static List<MappingFinding> of(EntityManagerFactory factory, boolean openInView) {
		SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
		SessionFactoryOptions options = sessionFactory.getSessionFactoryOptions();
		List<MappingFinding> findings = new ArrayList<>();
		int batchSize = jdbcBatchSize(sessionFactory);
		if (batchSize <= 1) {
			findings
				.add(new MappingFinding(MappingKind.JDBC_BATCHING_OFF, null, null, BATCH_SIZE,
						"JDBC batching is off: a flush that writes 100 rows sends 100 statements, one round trip each.",
						List.of("spring.jpa.properties." + BATCH_SIZE + "=50",
								"With it, spring.jpa.properties." + ORDER_INSERTS + "=true and spring.jpa.properties."
										+ ORDER_UPDATES + "=true, so that statements of one table stay together"),
						false));
		}
		else if (!options.isOrderInsertsEnabled() || !options.isOrderUpdatesEnabled()) {
			String setting = options.isOrderInsertsEnabled() ? ORDER_UPDATES : ORDER_INSERTS;
			findings.add(new MappingFinding(MappingKind.BATCH_ORDERING_OFF, null, null, setting,
					"JDBC batching is on (" + BATCH_SIZE + "=" + batchSize + ") but " + setting
							+ " is off: a flush that writes rows of several tables in turn (a parent, its "
							+ "children, the next parent) ends the batch at every change of table.",
					List.of("spring.jpa.properties." + setting + "=true"), false));
		}
		MappingMetamodel metamodel = sessionFactory.getMappingMetamodel();
		if (options.getDefaultBatchFetchSize() <= 1 && !anyBatchFetching(metamodel)) {
			findings.add(new MappingFinding(MappingKind.NO_BATCH_FETCHING, null, null, BATCH_FETCH_SIZE,
					"No association is batch fetched (no default batch fetch size, no @BatchSize): every lazy "
							+ "association a loop touches is loaded one row at a time, and traffic shows it.",
					List.of("spring.jpa.properties." + BATCH_FETCH_SIZE
							+ "=16 (or @BatchSize on the associations loaded in loops), as a safety net "
							+ "under fetching what a use case needs in its query"),
					true));
		}
		if (!options.isFailOnPaginationOverCollectionFetchEnabled() && anyCollection(metamodel)) {
			findings.add(new MappingFinding(MappingKind.PAGINATION_IN_MEMORY_ALLOWED, null, null, FAIL_ON_PAGINATION,
					"A paged query that join fetches a collection cannot be paged in SQL: Hibernate then reads "
							+ "every row and pages in memory, with only a warning in the log.",
					List.of("spring.jpa.properties." + FAIL_ON_PAGINATION
							+ "=true, so that such a query fails in tests instead of reading every row in "
							+ "production"),
					false));
		}
		if (openInView) {
			findings.add(new MappingFinding(MappingKind.OPEN_IN_VIEW, null, null, OPEN_IN_VIEW,
					"Open session in view is on: lazy associations load while the view or JSON is written, "
							+ "one statement at a time and outside any transaction, and every request holds its "
							+ "connection until the response is written.",
					List.of(OPEN_IN_VIEW + "=false, and fetch what each view needs in its query (@EntityGraph, "
							+ "join fetch, or a DTO projection)"),
					false));
		}
		return findings;
	}

	/**
	 * The batch size Hibernate's mutation executors use: the setting as configured, or 1.
	 * ({@code SessionFactoryOptions.getJdbcBatchSize()} counts a dialect's default that
	 * the executors do not apply.)
	 */
	static int jdbcBatchSize(SessionFactoryImplementor sessionFactory) {
		ConfigurationService configuration = sessionFactory.getServiceRegistry().getService(ConfigurationService.class);
		Object value = (configuration != null) ? configuration.getSettings().get(BATCH_SIZE) : null;
		if (value instanceof Number number) {
			return number.intValue();
		}
		try {
			return (value != null) ? Integer.parseInt(value.toString().trim()) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	static boolean supportsSequences(SessionFactoryImplementor sessionFactory) {
		try {
			return sessionFactory.getJdbcServices().getDialect().getSequenceSupport().supportsSequences();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static boolean anyBatchFetching(MappingMetamodel metamodel) {
		boolean[] batching = new boolean[1];
		metamodel.forEachEntityDescriptor((persister) -> batching[0] |= batched(persister));
		metamodel.forEachCollectionDescriptor((persister) -> batching[0] |= batched(persister));
		return batching[0];
	}

	private static boolean anyCollection(MappingMetamodel metamodel) {
		boolean[] collections = new boolean[1];
		metamodel.forEachCollectionDescriptor((persister) -> collections[0] = true);
		return collections[0];
	}

	private static boolean batched(EntityPersister persister) {
		return persister.getBatchSize() > 1;
	}

	private static boolean batched(CollectionPersister persister) {
		try {
			return persister.getBatchSize() > 1 || persister.isSubselectLoadable();
		}
		catch (LinkageError ex) {
			return persister.getBatchSize() > 1;
		}
	}

}
