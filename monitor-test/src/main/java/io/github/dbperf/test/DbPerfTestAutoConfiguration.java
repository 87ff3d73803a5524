package io.github.dbperf.test;

import io.github.dbperf.autoconfigure.DbPerfAutoConfiguration;
import io.github.dbperf.capture.StatementRecorders;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * With {@code dbperf-test} on a test class path, each application context that runs
 * dbperf makes its statements recordable by {@link RecordedStatements#start()} while it
 * is open.
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class)
@ConditionalOnBean(StatementRecorders.class)
public class DbPerfTestAutoConfiguration {

	@Bean
	OpenRecorders dbPerfOpenRecorders(StatementRecorders recorders) {
		return new OpenRecorders(recorders);
	}

}
