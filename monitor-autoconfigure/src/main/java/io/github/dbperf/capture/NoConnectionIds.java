package io.github.dbperf.capture;

import java.sql.Connection;
import java.util.Set;

import net.ttddyy.dsproxy.ConnectionIdManager;

/**
 * dbperf does not use connection ids: this manager keeps none, saving datasource-proxy's
 * synchronized bookkeeping on every borrow and return.
 */
enum NoConnectionIds implements ConnectionIdManager {

	INSTANCE;

	@Override
	public String getId(Connection connection) {
		return "";
	}

	@Override
	public void addClosedId(String connectionId) {
	}

	@Override
	public Set<String> getOpenConnectionIds() {
		return Set.of();
	}

}
