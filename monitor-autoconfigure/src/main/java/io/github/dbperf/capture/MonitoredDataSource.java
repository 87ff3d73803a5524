package io.github.dbperf.capture;

import javax.sql.DataSource;

/**
 * Implemented by every DataSource that dbperf wrapped, so it is never wrapped twice.
 */
public interface MonitoredDataSource extends DataSource {

	/**
	 * The name dbperf reports for this DataSource (its bean name).
	 * @return the name
	 */
	String getDbPerfName();

}
