package io.github.dbperf.findings;

import java.util.List;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.findings.WriteMappings.WrittenTable;
import org.jspecify.annotations.Nullable;

/**
 * Why writes were not batched, as far as the mappings and settings tell, and what to
 * change for that reason.
 */
final class WriteSuggestions {

	/** Ids from an identity column: Hibernate sends each insert alone. */
	static final String IDENTITY_IDS = "IDENTITY_IDS";

	/** {@code hibernate.jdbc.batch_size} unset. */
	static final String JDBC_BATCHING_OFF = "JDBC_BATCHING_OFF";

	/** Batching on, ordering off: other tables' statements ended each batch. */
	static final String BATCH_ORDERING_OFF = "BATCH_ORDERING_OFF";

	/** Batching on and ordered: each row was flushed on its own. */
	static final String ONE_BY_ONE = "ONE_BY_ONE";

	/** No ORM mapping for the table: plain JDBC. */
	static final String PLAIN_JDBC = "PLAIN_JDBC";

	/** An extra update: the mapping behind it (a mapping finding's kind). */
	static final String UNIDIRECTIONAL_ONE_TO_MANY = "UNIDIRECTIONAL_ONE_TO_MANY";

	/** A recreated collection: the mapping behind it (a mapping finding's kind). */
	static final String MANY_TO_MANY_LIST = "MANY_TO_MANY_LIST";

	private WriteSuggestions() {
	}

	static String reason(Operation operation, @Nullable WrittenTable table) {
		if (table == null) {
			return PLAIN_JDBC;
		}
		if (operation == Operation.INSERT && table.identityIds()) {
			return IDENTITY_IDS;
		}
		if (table.jdbcBatchSize() <= 1) {
			return JDBC_BATCHING_OFF;
		}
		if ((operation == Operation.INSERT && !table.orderInserts())
				|| (operation == Operation.UPDATE && !table.orderUpdates())) {
			return BATCH_ORDERING_OFF;
		}
		return ONE_BY_ONE;
	}

	static List<String> forUnbatched(String reason, @Nullable WrittenTable table, RepositoryMethod method,
			int statements) {
		String what = (table != null) ? table.name() : "these rows";
		return switch (reason) {
			case IDENTITY_IDS -> table.sequences() ? List.of(
					"Give " + what + " sequence ids: @GeneratedValue(strategy = GenerationType.SEQUENCE) with "
							+ "@SequenceGenerator(allocationSize = 50); Hibernate cannot batch inserts whose ids "
							+ "come from an identity column",
					"With spring.jpa.properties.hibernate.jdbc.batch_size=50 the " + statements
							+ " inserts are then sent in " + batches(statements))
					: List.of("This database has no sequences, so Hibernate inserts " + what
							+ " one by one to read each identity; for bulk inserts use "
							+ "JdbcTemplate.batchUpdate (or ids the application assigns)");
			case JDBC_BATCHING_OFF -> List.of(
					"Turn JDBC batching on: spring.jpa.properties.hibernate.jdbc.batch_size=50, with "
							+ "hibernate.order_inserts=true and hibernate.order_updates=true",
					"Then the " + statements + " statements are sent in " + batches(statements));
			case BATCH_ORDERING_OFF -> List.of("Writes of other tables ended each batch: "
					+ "spring.jpa.properties.hibernate.order_inserts=true and hibernate.order_updates=true");
			case ONE_BY_ONE -> List.of("Each " + what + " was flushed on its own (a save per transaction, or a flush "
					+ "per row): write them in one transaction, e.g. " + saveAll(method)
					+ ", so that one flush sends them as JDBC batches");
			default -> List.of("Send them as one JDBC batch: JdbcTemplate.batchUpdate (or "
					+ "addBatch and executeBatch) instead of one statement per row");
		};
	}

	static List<String> forExtraUpdate(AssociationMapping mapping) {
		return List.of(
				"Map " + mapping.role() + " bidirectionally: @ManyToOne(fetch = LAZY) on " + mapping.target()
						+ " owns the foreign key and @OneToMany(mappedBy = \"...\") on " + mapping.role()
						+ "; the insert then sets it and the update is gone",
				"Or, when a " + mapping.target() + " never changes owner, @JoinColumn(nullable = false, "
						+ "updatable = false) on " + mapping.role());
	}

	static List<String> forRecreatedCollection(AssociationMapping mapping) {
		return List.of("Map " + mapping.role() + " as a Set (equals and hashCode on the element's id or natural "
				+ "key): Hibernate then deletes and inserts only the rows that changed; a List without "
				+ "@OrderColumn is a bag, deleted and inserted again whole");
	}

	private static String saveAll(RepositoryMethod method) {
		return (method != RepositoryMethod.NONE) ? method.repository() + ".saveAll(...)"
				: "a @Transactional method around the loop";
	}

	private static String batches(int statements) {
		int batches = (statements + 49) / 50;
		return (batches == 1) ? "one JDBC batch" : batches + " JDBC batches";
	}

}
