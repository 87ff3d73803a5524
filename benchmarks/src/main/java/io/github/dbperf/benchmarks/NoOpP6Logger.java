package io.github.dbperf.benchmarks;

import com.p6spy.engine.logging.Category;
import com.p6spy.engine.spy.appender.P6Logger;

/**
 * p6spy's logging turned off: every category disabled, nothing written.
 */
public class NoOpP6Logger implements P6Logger {

	@Override
	public void logSQL(int connectionId, String now, long elapsed, Category category, String prepared, String sql,
			String url) {
	}

	@Override
	public void logException(Exception ex) {
	}

	@Override
	public void logText(String text) {
	}

	@Override
	public boolean isCategoryEnabled(Category category) {
		return false;
	}

}
