package io.github.dbperf.statistics;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.dbperf.attribution.RepositoryCall;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.RepositoryMethod;

/**
 * Totals per repository method: calls, statements, database time and the most statements
 * one call issued. Bounded by the application's own repository methods.
 */
public final class RepositoryStatistics implements RepositoryCallListener {

	private final ConcurrentHashMap<RepositoryMethod, Totals> totals = new ConcurrentHashMap<>();

	@Override
	public void onRepositoryCall(RepositoryCall call) {
		this.totals.computeIfAbsent(call.method(), (method) -> new Totals()).add(call);
	}

	/**
	 * Every repository method called so far, most database time first.
	 * @return snapshots
	 */
	public List<RepositorySnapshot> snapshot() {
		return this.totals.entrySet()
			.stream()
			.map((entry) -> entry.getValue().snapshot(entry.getKey()))
			.sorted(Comparator.comparingDouble(RepositorySnapshot::dbMillis).reversed()
				.thenComparing(RepositorySnapshot::repository)
				.thenComparing(RepositorySnapshot::method))
			.toList();
	}

	public void reset() {
		this.totals.clear();
	}

	private static final class Totals {

		private final LongAdder calls = new LongAdder();

		private final LongAdder statements = new LongAdder();

		private final LongAdder dbNanos = new LongAdder();

		private final AtomicLong maxStatements = new AtomicLong();

		void add(RepositoryCall call) {
			this.calls.increment();
			this.statements.add(call.statements());
			this.dbNanos.add(call.dbNanos());
			this.maxStatements.accumulateAndGet(call.statements(), Math::max);
		}

		RepositorySnapshot snapshot(RepositoryMethod method) {
			return new RepositorySnapshot(method.repository(), method.method(), this.calls.sum(),
					this.statements.sum(), StatementEntry.millis(this.dbNanos.sum()), this.maxStatements.get());
		}

	}

}
