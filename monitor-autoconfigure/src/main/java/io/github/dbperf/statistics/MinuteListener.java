package io.github.dbperf.statistics;

import org.springframework.core.Ordered;

/**
 * Told by the {@link MinuteTicker} when a minute ends, off the application's threads.
 */
@FunctionalInterface
public interface MinuteListener extends Ordered {

	/**
	 * A minute ended.
	 * @param now the minute now in progress (minutes since the epoch)
	 */
	void minuteEnded(long now);

	/**
	 * Stores first (0), what reads them later.
	 * @return the order
	 */
	@Override
	default int getOrder() {
		return 0;
	}

}
