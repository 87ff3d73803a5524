package io.github.dbperf.findings;

/**
 * What a repeated SELECT is.
 */
public enum FindingKind {

	/** The same statement with different parameters: a loop over rows (N+1). */
	N_PLUS_ONE,

	/** The same statement with the same parameters: the same row loaded again. */
	DUPLICATE,
	/**
	 * One unit of work needed many batch loads of one association (its parents far above
	 * the batch size): batch fetching works, with too small a batch. Never an N+1.
	 */
	BATCH_SIZE_TOO_SMALL,
	/**
	 * One execution returned more rows than {@code dbperf.findings.large-result.rows}.
	 */
	LARGE_RESULT,
	/**
	 * A paged query that fetches a collection: Hibernate reads every row and pages in
	 * memory.
	 */
	IN_MEMORY_PAGINATION,
	/**
	 * Entities or collections loaded after the controller returned, while the response
	 * was written.
	 */
	LOAD_AFTER_RESPONSE,
	/**
	 * A statement's 95th percentile over the last 5 minutes is several times that of the
	 * hour before.
	 */
	REGRESSION,
	/** The database examined at least 100 times the rows it returned (MariaDB, MySQL). */
	ROWS_EXAMINED,
	/**
	 * The database used no index for most executions of a statement that reads many rows
	 * (MariaDB, MySQL).
	 */
	NO_INDEX,
	/**
	 * Most of a statement's blocks came from disk rather than the buffer cache
	 * (PostgreSQL).
	 */
	DISK_READS,
	/**
	 * The same insert, update or delete sent one by one, outside JDBC batches, at least
	 * {@code dbperf.findings.unbatched-writes.threshold} times in one unit of work.
	 */
	UNBATCHED_WRITES,
	/**
	 * An insert followed by an update of the same table's foreign key: a unidirectional
	 * {@code @OneToMany} with {@code @JoinColumn}.
	 */
	EXTRA_UPDATE,
	/**
	 * A bag collection deleted whole and inserted again (a {@code List} without an order
	 * column).
	 */
	COLLECTION_RECREATED,
	/**
	 * Units of work waited at least {@code dbperf.connections.wait-threshold} for a
	 * connection: the pool was empty, held by the entry points named.
	 */
	POOL_WAIT,
	/**
	 * A transaction held its connection at least
	 * {@code dbperf.connections.hold-threshold} and ran statements for less than half of
	 * that time.
	 */
	IDLE_IN_TRANSACTION,
	/**
	 * A connection still out after {@code dbperf.connections.leak-threshold}.
	 */
	CONNECTION_LEAK

}
