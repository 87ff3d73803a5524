package io.github.dbperf.statistics;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.RepositoryCall;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.RepositoryMethod;

/**
 * Totals per repository method: calls, statements, database time and the most statements
 * one call issued. Bounded by the application's own repository methods.
 */
public final class RepositoryStatistics implements RepositoryCallListener, MinuteListener {

	private final ConcurrentHashMap<RepositoryMethod, Totals> totals = new ConcurrentHashMap<>();

	private volatile long minute = MinuteTicker.currentMinute();

	@Override
	public void onRepositoryCall(RepositoryCall call) {
		Totals totals = this.totals.get(call.method());
		if (totals == null) {
			totals = this.totals.computeIfAbsent(call.method(), (method) -> new Totals(this.minute));
		}
		totals.add(call);
	}

	@Override
	public void minuteEnded(long now) {
		this.minute = now;
		this.totals.values().forEach((totals) -> totals.minutes.close(now, totals));
	}

	/**
	 * Every repository method called so far, most database time first.
	 * @return snapshots
	 */
	public List<RepositorySnapshot> snapshot() {
		return snapshot(Window.ALL);
	}

	/**
	 * Every repository method called in a window, most database time first.
	 * @param window the span
	 * @return snapshots
	 */
	public List<RepositorySnapshot> snapshot(Window window) {
		return this.totals.entrySet()
			.stream()
			.map((entry) -> entry.getValue().snapshot(entry.getKey(), window))
			.filter((snapshot) -> snapshot.calls() > 0)
			.sorted(Comparator.comparingDouble(RepositorySnapshot::dbMillis)
				.reversed()
				.thenComparing(RepositorySnapshot::repository)
				.thenComparing(RepositorySnapshot::method))
			.toList();
	}

	public void reset() {
		this.totals.clear();
	}

	private static final class Totals extends CallTotals {

		Totals(long minute) {
			super(0, minute);
		}

		void add(RepositoryCall call) {
			add(call.statements(), call.dbNanos());
		}

		RepositorySnapshot snapshot(RepositoryMethod method, Window window) {
			if (window == Window.ALL) {
				return new RepositorySnapshot(method.repository(), method.method(), calls(), statements(),
						StatementSnapshot.millis(nanos()), maxStatements());
			}
			RollingMinutes.Totals totals = this.minutes.totals(window.minutes(), 0, this);
			return new RepositorySnapshot(method.repository(), method.method(), totals.counter(0), totals.counter(1),
					StatementSnapshot.millis(totals.nanos), totals.max / 1000);
		}

	}

}
