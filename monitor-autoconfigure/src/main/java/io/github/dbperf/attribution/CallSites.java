package io.github.dbperf.attribution;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the application code that caused a statement: the first stack frame in the
 * application's own packages (those Spring Boot records for it, the
 * {@code @SpringBootApplication} package and below), else the first frame outside the
 * JDK, the frameworks, the drivers and dbperf. Walks the stack, so it is taken only for
 * findings (slow statements, N+1), never per statement.
 */
public final class CallSites {

	/** Where nothing better is found. */
	public static final String UNKNOWN = "unknown";

	private static final List<String> FRAMEWORK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "org.springframework.", "org.hibernate.", "net.ttddyy.", "com.zaxxer.", "org.h2.",
			"org.postgresql.", "org.mariadb.", "com.mysql.", "org.apache.", "org.aopalliance.", "io.micrometer.",
			"org.slf4j.", "ch.qos.", "org.junit.", "org.flywaydb.", "liquibase.", "org.thymeleaf.", "freemarker.",
			"com.samskivert.", "groovy.", "org.codehaus.groovy.", "kotlin.", "kotlinx.", "reactor.", "io.netty.",
			"org.eclipse.jetty.", "io.undertow.", "com.fasterxml.", "tools.jackson.", "org.assertj.", "org.mockito.",
			"net.bytebuddy.", "org.aspectj.", "io.opentelemetry.", "brave.", "org.glassfish.", "com.google.",
			"org.gradle.", "worker.org.gradle.", "org.testng.", "org.attoparser.", "org.unbescape.", "ognl.");

	/**
	 * dbperf's own classes that can be on the stack while a statement runs, by name (so
	 * it holds in a shaded jar or a native image, where code sources differ). Named one
	 * by one, not by package, because applications and dbperf's own tests share the
	 * {@code io.github.dbperf} prefix.
	 */
	static final Set<String> DBPERF_CLASSES = Set.of("io.github.dbperf.DbPerf", "io.github.dbperf.Scope",
			"io.github.dbperf.internal.BoundedCaches", "io.github.dbperf.internal.InternalFailures",
			"io.github.dbperf.attribution.Attribution", "io.github.dbperf.attribution.AttributionTaskDecorator",
			"io.github.dbperf.attribution.AttributionThreadLocalAccessor", "io.github.dbperf.attribution.CallContext",
			"io.github.dbperf.attribution.CallSites", "io.github.dbperf.attribution.Handoff",
			"io.github.dbperf.attribution.RepositoryMethodInterceptor",
			"io.github.dbperf.attribution.RequestUnitOfWorkFilter", "io.github.dbperf.attribution.ResponsePhase",
			"io.github.dbperf.attribution.ScheduledUnitOfWorkHandler", "io.github.dbperf.attribution.UnitOfWork",
			"io.github.dbperf.attribution.UnitsOfWork", "io.github.dbperf.capture.CountingResultSet",
			"io.github.dbperf.capture.DataSourceWrapper", "io.github.dbperf.capture.PoolSubclass",
			"io.github.dbperf.capture.ForeignSinks", "io.github.dbperf.capture.LeanConnections",
			"io.github.dbperf.capture.ProxyListeners", "io.github.dbperf.capture.LeanConnection",
			"io.github.dbperf.capture.LeanStatement", "io.github.dbperf.capture.LeanPreparedStatement",
			"io.github.dbperf.capture.LeanCallableStatement", "io.github.dbperf.capture.ConnectionCore",
			"io.github.dbperf.capture.StatementCore", "io.github.dbperf.capture.PreparedStatementCore",
			"io.github.dbperf.capture.CallableStatementCore", "io.github.dbperf.capture.ResultSetCore",
			"io.github.dbperf.capture.StatementListener", "io.github.dbperf.capture.StatementRecorders",
			"io.github.dbperf.capture.StatementSinks", "io.github.dbperf.capture.ValuesHidden",
			"io.github.dbperf.connections.Connections", "io.github.dbperf.connections.ConnectionBorrow",
			"io.github.dbperf.connections.TransactionNames", "io.github.dbperf.findings.ConnectionFindingsDetector",
			"io.github.dbperf.statistics.ConnectionStatistics", "io.github.dbperf.metrics.ConnectionMetrics",
			"io.github.dbperf.explain.PlanCapture", "io.github.dbperf.metrics.OrmMetrics",
			"io.github.dbperf.metrics.FindingMetrics", "io.github.dbperf.metrics.RepositoryCallMetrics",
			"io.github.dbperf.autoconfigure.LateBean", "io.github.dbperf.metrics.StatementMetrics",
			"io.github.dbperf.metrics.UnitOfWorkMetrics", "io.github.dbperf.findings.FindingReporter",
			"io.github.dbperf.findings.NPlusOneDetector", "io.github.dbperf.findings.OrmFindingsDetector",
			"io.github.dbperf.findings.RepetitionCounter", "io.github.dbperf.findings.WritePathDetector",
			"io.github.dbperf.findings.WriteCounter", "io.github.dbperf.tracing.SqlCommenter",
			"io.github.dbperf.tracing.StatementSpans", "io.github.dbperf.tracing.SpanSummary",
			"io.github.dbperf.tracing.MicrometerTraceIds", "io.github.dbperf.orm.HibernateCauses",
			"io.github.dbperf.slow.SlowQueryLog", "io.github.dbperf.statistics.AssociationStatistics",
			"io.github.dbperf.statistics.EntryPointStatistics", "io.github.dbperf.statistics.RepositoryStatistics",
			"io.github.dbperf.statistics.StatementStatistics", "io.github.dbperf.test.RecordedStatements",
			"io.github.dbperf.test.DbPerfExtension");

	private static final StackWalker walker = StackWalker.getInstance();

	private final List<String> applicationPackages;

	/**
	 * Call sites for an application.
	 * @param applicationPackages the application's own packages ({@code com.example}),
	 * empty when unknown
	 */
	public CallSites(List<String> applicationPackages) {
		this.applicationPackages = applicationPackages.stream()
			.filter((name) -> !name.isEmpty())
			.map((name) -> name.endsWith(".") ? name : name + ".")
			.toList();
	}

	/**
	 * The calling thread's first application frame.
	 * @return {@code com.example.Service.method(Service.java:42)}, or {@link #UNKNOWN}
	 */
	public String current() {
		Optional<StackWalker.StackFrame> frame = Optional.empty();
		if (!this.applicationPackages.isEmpty()) {
			frame = first(this::isInApplicationPackages);
		}
		if (frame.isEmpty()) {
			frame = first((candidate) -> isApplication(candidate.getClassName()));
		}
		return frame.map(CallSites::format).orElse(UNKNOWN);
	}

	private Optional<StackWalker.StackFrame> first(Predicate<StackWalker.StackFrame> filter) {
		return walker.walk((Stream<StackWalker.StackFrame> frames) -> frames.filter(filter).findFirst());
	}

	private boolean isInApplicationPackages(StackWalker.StackFrame frame) {
		String className = frame.getClassName();
		if (isGenerated(className) || isDbPerf(className)) {
			return false;
		}
		for (String prefix : this.applicationPackages) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static boolean isApplication(String className) {
		if (isGenerated(className) || isDbPerf(className)) {
			return false;
		}
		for (String prefix : FRAMEWORK_PREFIXES) {
			if (className.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isGenerated(String className) {
		return className.contains("$$") || className.startsWith("jdk.proxy") || className.contains("$Proxy")
				|| className.contains("$HibernateProxy") || className.contains("$ByteBuddy");
	}

	static boolean isDbPerf(String className) {
		int nested = className.indexOf('$');
		return className.startsWith("io.github.dbperf.")
				&& DBPERF_CLASSES.contains((nested > 0) ? className.substring(0, nested) : className);
	}

	private static String format(StackWalker.StackFrame frame) {
		String className = frame.getClassName();
		String simple = className.substring(className.lastIndexOf('.') + 1);
		return className + "." + frame.getMethodName() + "("
				+ ((frame.getFileName() != null) ? frame.getFileName() : simple) + ":" + frame.getLineNumber() + ")";
	}

}
