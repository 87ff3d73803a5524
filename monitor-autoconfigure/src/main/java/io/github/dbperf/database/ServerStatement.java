package io.github.dbperf.database;

/**
 * One row of the database's statement statistics: running totals since the server started
 * counting. Figures the database does not keep are -1.
 *
 * @param key the server's identity of the statement (query id, digest)
 * @param text the server's normalised text (no values), or {@code null} when hidden
 * @param calls executions
 * @param execNanos execution time
 * @param planNanos planning time, -1 when not kept
 * @param rows rows returned (or affected)
 * @param rowsExamined rows the server read to produce them, -1 when not kept
 * @param blocksHit shared blocks found in the cache, -1 when not kept
 * @param blocksRead shared blocks read from disk, -1 when not kept
 * @param tempBlocks temporary blocks read and written, -1 when not kept
 * @param noIndexUsed executions that used no (good) index, -1 when not kept
 */
record ServerStatement(String key, String text, long calls, long execNanos, long planNanos, long rows,
		long rowsExamined, long blocksHit, long blocksRead, long tempBlocks, long noIndexUsed) {

	/**
	 * What happened between an earlier reading and this one.
	 * @param earlier the same statement at the previous read
	 * @return the difference, or {@code null} when a total went back (a reset, a restart)
	 */
	ServerStatement since(ServerStatement earlier) {
		if (this.calls < earlier.calls || this.execNanos < earlier.execNanos || this.rows < earlier.rows
				|| this.rowsExamined < earlier.rowsExamined || this.blocksRead < earlier.blocksRead) {
			return null;
		}
		return new ServerStatement(this.key, this.text, this.calls - earlier.calls, this.execNanos - earlier.execNanos,
				minus(this.planNanos, earlier.planNanos), this.rows - earlier.rows,
				minus(this.rowsExamined, earlier.rowsExamined), minus(this.blocksHit, earlier.blocksHit),
				minus(this.blocksRead, earlier.blocksRead), minus(this.tempBlocks, earlier.tempBlocks),
				minus(this.noIndexUsed, earlier.noIndexUsed));
	}

	private static long minus(long now, long before) {
		return (now < 0) ? -1 : Math.max(now - Math.max(before, 0), 0);
	}

}
