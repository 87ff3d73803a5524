package io.github.dbperf.autoconfigure;

import java.time.Duration;

import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.findings.NPlusOneDetector;
import io.github.dbperf.findings.NPlusOneListener;
import io.github.dbperf.findings.OrmFindingsDetector;
import io.github.dbperf.findings.RegressionDetector;
import io.github.dbperf.findings.RegressionListener;
import io.github.dbperf.findings.WriteMappings;
import io.github.dbperf.findings.WritePathDetector;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.AssociationStatistics;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.MinuteListener;
import io.github.dbperf.statistics.MinuteTicker;
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * What dbperf keeps of the statements (per statement, repository method, entry point and
 * association, with their minutes, and the slow ones) and what it judges of them: N+1 and
 * duplicates, ORM and write-path findings, regressions.
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class)
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfStatisticsAutoConfiguration {

	/**
	 * Distinct findings the endpoint lists at most; the least recently seen go first. A
	 * finding is one statement's pattern in one entry point, a closed set in a healthy
	 * application: this bound is a safety net against a runaway one.
	 */
	static final int FINDINGS_KEPT = 500;

	/** One WARN line per finding per minute, however often it recurs. */
	static final Duration FINDING_LOG_INTERVAL = Duration.ofMinutes(1);

	@Bean
	@ConditionalOnMissingBean
	StatementStatistics dbPerfStatementStatistics(DbPerfProperties properties) {
		return new StatementStatistics(properties.getStatistics().getMaxStatements());
	}

	@Bean
	@ConditionalOnMissingBean
	RepositoryStatistics dbPerfRepositoryStatistics() {
		return new RepositoryStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	EntryPointStatistics dbPerfEntryPointStatistics() {
		return new EntryPointStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	AssociationStatistics dbPerfAssociationStatistics() {
		return new AssociationStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	MinuteTicker dbPerfMinuteTicker(WallClock clock, ObjectProvider<MinuteListener> listeners,
			InternalFailures failures) {
		return new MinuteTicker(clock, () -> listeners.orderedStream().toList(),
				(ex) -> failures.report("minutes", ex));
	}

	@Bean
	@ConditionalOnMissingBean
	SlowQueryLog dbPerfSlowQueryLog(DbPerfProperties properties, CallSites callSites, ObjectProvider<TraceIds> traces) {
		return new SlowQueryLog(properties.getSlowQuery().getCapacity(), properties.getSlowQuery().isLog(),
				properties.getSql().isIncludeParameters(), callSites, traces.getIfAvailable(() -> TraceIds.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	Findings dbPerfNPlusOneFindings() {
		return new Findings(FINDINGS_KEPT);
	}

	@Bean
	@ConditionalOnMissingBean
	FindingReporter dbPerfFindingReporter(Findings findings, ObjectProvider<NPlusOneListener> listeners,
			ObjectProvider<TraceIds> traces) {
		return new FindingReporter(findings, listeners.orderedStream().toList(), FINDING_LOG_INTERVAL,
				traces.getIfAvailable(() -> TraceIds.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnNPlusOneDetectionCondition.class)
	NPlusOneDetector dbPerfNPlusOneDetector(DbPerfProperties properties, FindingReporter reporter, CallSites callSites,
			ObjectProvider<AssociationMappings> mappings) {
		DbPerfProperties.NPlusOne nPlusOne = properties.getNPlusOne();
		return new NPlusOneDetector(nPlusOne.getThreshold(), nPlusOne.getMode() == DbPerfProperties.NPlusOneMode.STRICT,
				reporter, callSites, mappings.getIfAvailable(() -> AssociationMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	OrmFindingsDetector dbPerfOrmFindingsDetector(DbPerfProperties properties, FindingReporter reporter,
			CallSites callSites, ObjectProvider<AssociationMappings> mappings) {
		return new OrmFindingsDetector(properties.getFindings().getLargeResult().getRows(), reporter, callSites,
				mappings.getIfAvailable(() -> AssociationMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	WritePathDetector dbPerfWritePathDetector(DbPerfProperties properties, FindingReporter reporter,
			CallSites callSites, ObjectProvider<WriteMappings> mappings) {
		return new WritePathDetector(properties.getFindings().getUnbatchedWrites().getThreshold(), reporter, callSites,
				mappings.getIfAvailable(() -> WriteMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	RegressionDetector dbPerfRegressionDetector(DbPerfProperties properties, StatementStatistics statistics,
			SlowQueryLog slowQueries, ObjectProvider<RegressionListener> listeners) {
		DbPerfProperties.Findings.Regression regression = properties.getFindings().getRegression();
		return new RegressionDetector(statistics, slowQueries::callSiteOf, regression.getFactor(),
				regression.getMinCalls(), regression.getMinP95(), listeners.orderedStream().toList());
	}

}
