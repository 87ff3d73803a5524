package io.github.dbperf.autoconfigure;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.findings.ConnectionFindingsDetector;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.statistics.ConnectionStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each connection borrowed is followed: the pool's wait, the time held, transactions
 * idle, connections never returned.
 */
@AutoConfiguration(after = { DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class })
@ConditionalOnBean(DataSourceMonitor.class)
@ConditionalOnBooleanProperty(name = "dbperf.connections.enabled", matchIfMissing = true)
public final class DbPerfConnectionsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Connections dbPerfConnections(DbPerfProperties properties, UnitsOfWork units, CallSites callSites,
			InternalFailures failures) {
		return new Connections(units, callSites, properties.getConnections().getLeakThreshold(), failures);
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionStatistics dbPerfConnectionStatistics() {
		return new ConnectionStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionFindingsDetector dbPerfConnectionFindingsDetector(DbPerfProperties properties, FindingReporter reporter,
			CallSites callSites, Connections connections) {
		DbPerfProperties.Connections settings = properties.getConnections();
		return new ConnectionFindingsDetector(settings.getWaitThreshold(), settings.getHoldThreshold(), reporter,
				callSites, connections);
	}

	/**
	 * Hands the listeners (statistics, meters, findings) over once every bean exists: the
	 * DataSource, and so the connections, come first.
	 */
	@Bean
	SmartInitializingSingleton dbPerfConnectionListeners(ObjectProvider<Connections> connections,
			ObjectProvider<ConnectionListener> listeners) {
		return () -> connections.ifAvailable((followed) -> followed.listeners(listeners.orderedStream().toList()));
	}

}
