package io.github.dbperf.statistics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of calls that each ran some statements (repository calls, units of
 * work): calls, statements, database time and the most statements one call ran, since
 * start and in the minute in progress, with their last hour a minute at a time.
 */
class CallTotals implements RollingMinutes.Series {

	private final LongAdder calls = new LongAdder();

	private final LongAdder statements = new LongAdder();

	private final LongAdder dbNanos = new LongAdder();

	private final AtomicLong maxStatements = new AtomicLong();

	private final AtomicLong minuteMaxStatements = new AtomicLong();

	final RollingMinutes minutes;

	CallTotals(int histograms, long minute) {
		this.minutes = new RollingMinutes(2, histograms, minute);
	}

	void add(int statements, long dbNanos) {
		this.calls.increment();
		this.statements.add(statements);
		this.dbNanos.add(dbNanos);
		if (statements > this.maxStatements.get()) {
			this.maxStatements.accumulateAndGet(statements, Math::max);
		}
		if (statements > this.minuteMaxStatements.get()) {
			this.minuteMaxStatements.accumulateAndGet(statements, Math::max);
		}
	}

	long calls() {
		return this.calls.sum();
	}

	long statements() {
		return this.statements.sum();
	}

	long maxStatements() {
		return this.maxStatements.get();
	}

	@Override
	public long counter(int index) {
		return (index == 0) ? this.calls.sum() : this.statements.sum();
	}

	@Override
	public long nanos() {
		return this.dbNanos.sum();
	}

	@Override
	public LatencyHistogram histogram(int index) {
		throw new IllegalArgumentException("No histogram");
	}

	@Override
	public long minuteMax() {
		// Kept as thousandths, so that minutes store whole statements.
		return this.minuteMaxStatements.get() * 1000;
	}

	@Override
	public long takeMinuteMax() {
		return this.minuteMaxStatements.getAndSet(0) * 1000;
	}

}
