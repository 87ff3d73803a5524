package io.github.dbperf.database;

import io.github.dbperf.statistics.DatabaseFigures;

import static io.github.dbperf.statistics.StatementSnapshot.millis;

/**
 * The differences of one statement summed over reads, with dbperf's own time over the
 * same intervals. Written by the reading thread, read by the endpoint: synchronized.
 */
final class ServerTotals {

	private final String source;

	private long calls;

	private long execNanos;

	private long planNanos = -1;

	private long rows;

	private long rowsExamined = -1;

	private long blocksHit = -1;

	private long blocksRead = -1;

	private long tempBlocks = -1;

	private long noIndexUsed = -1;

	private long clientNanos;

	ServerTotals(String source) {
		this.source = source;
	}

	synchronized void add(ServerStatement delta) {
		this.calls += delta.calls();
		this.execNanos += delta.execNanos();
		this.rows += delta.rows();
		this.planNanos = plus(this.planNanos, delta.planNanos());
		this.rowsExamined = plus(this.rowsExamined, delta.rowsExamined());
		this.blocksHit = plus(this.blocksHit, delta.blocksHit());
		this.blocksRead = plus(this.blocksRead, delta.blocksRead());
		this.tempBlocks = plus(this.tempBlocks, delta.tempBlocks());
		this.noIndexUsed = plus(this.noIndexUsed, delta.noIndexUsed());
	}

	synchronized void addClient(long nanos) {
		this.clientNanos += nanos;
	}

	private static long plus(long total, long delta) {
		return (delta < 0) ? total : Math.max(total, 0) + delta;
	}

	synchronized DatabaseFigures figures() {
		return new DatabaseFigures(this.source, this.calls, millis(this.execNanos),
				(this.calls > 0) ? millis(this.execNanos / this.calls) : 0,
				(this.planNanos < 0) ? null : millis(this.planNanos), this.rows, known(this.rowsExamined),
				known(this.blocksHit), known(this.blocksRead), known(this.tempBlocks), known(this.noIndexUsed),
				millis(this.clientNanos), millis(this.clientNanos - this.execNanos));
	}

	private static Long known(long value) {
		return (value < 0) ? null : value;
	}

}
