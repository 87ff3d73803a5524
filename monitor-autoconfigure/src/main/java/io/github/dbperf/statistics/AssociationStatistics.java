package io.github.dbperf.statistics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.internal.BoundedCaches;

/**
 * Per entity and association ({@code Author}, {@code Author.books}): the statements its
 * loads caused, the rows they read, their time, and the entry points that caused most of
 * it. Bounded in roles and in entry points per role.
 */
public final class AssociationStatistics implements OwnSink {

	private static final int MAX_ROLES = 1000;

	private static final int MAX_ENTRYPOINTS = 50;

	private final Cache<OrmCause, Entry> entries = BoundedCaches.ofSize(MAX_ROLES, null);

	@Override
	public void accept(StatementEvent event) {
		OrmCause cause = event.cause();
		if (cause.isLoad()) {
			// Batch and single loads of one association are one entry.
			this.entries.get(cause.single(), (key) -> new Entry()).record(event);
		}
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		if (event.cause().isLoad() && rows > 0) {
			Entry entry = this.entries.getIfPresent(event.cause().single());
			if (entry != null) {
				entry.rows.add(rows);
			}
		}
	}

	/**
	 * The associations, most time first.
	 * @return snapshots
	 */
	public List<AssociationSnapshot> snapshot() {
		return this.entries.asMap()
			.entrySet()
			.stream()
			.map((entry) -> entry.getValue().snapshot(entry.getKey()))
			.sorted(Comparator.comparingDouble(AssociationSnapshot::totalMillis).reversed())
			.toList();
	}

	public void reset() {
		this.entries.invalidateAll();
	}

	private static final class Entry {

		private final LongAdder statements = new LongAdder();

		private final LongAdder rows = new LongAdder();

		private final LongAdder nanos = new LongAdder();

		private final Cache<String, LongAdder> entrypoints = BoundedCaches.ofSize(MAX_ENTRYPOINTS, null);

		void record(StatementEvent event) {
			this.statements.increment();
			this.nanos.add(event.elapsedNanos());
			this.entrypoints.get(event.entrypoint(), (key) -> new LongAdder()).increment();
		}

		AssociationSnapshot snapshot(OrmCause cause) {
			ConcurrentMap<String, LongAdder> counts = this.entrypoints.asMap();
			List<String> top = counts.entrySet()
				.stream()
				.sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> count) -> count.getValue().sum())
					.reversed())
				.limit(5)
				.map(Map.Entry::getKey)
				.toList();
			return new AssociationSnapshot(cause.role(), cause.kind().value(), this.statements.sum(), this.rows.sum(),
					Math.round(this.nanos.sum() / 1_000.0) / 1_000.0, top);
		}

	}

}
