package io.github.dbperf.attribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import io.github.dbperf.capture.StatementSink;
import io.github.dbperf.findings.NPlusOneListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbperf's own code is never a call site, wherever its classes are loaded from: every
 * class of dbperf that runs while a statement is recorded is named.
 */
class CallSitesTests {

	@Test
	void everyClassOfDbPerfThatRunsDuringAStatementIsKnownAsDbPerfs() throws Exception {
		Path classes = Paths.get(StatementSink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> mainClasses;
		try (Stream<Path> files = Files.walk(classes)) {
			mainClasses = files.map((file) -> classes.relativize(file).toString())
				.filter((name) -> name.endsWith(".class") && !name.contains("$")
						&& !name.endsWith("package-info.class"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.toList();
		}
		// The loop below must examine the sinks and listeners it is about, not an empty
		// list.
		assertThat(mainClasses).contains("io.github.dbperf.findings.NPlusOneDetector",
				"io.github.dbperf.statistics.StatementStatistics");
		for (String name : mainClasses) {
			Class<?> type = load(name);
			if (type != null && !type.isInterface()
					&& (StatementSink.class.isAssignableFrom(type) || UnitOfWorkListener.class.isAssignableFrom(type)
							|| RepositoryCallListener.class.isAssignableFrom(type)
							|| NPlusOneListener.class.isAssignableFrom(type))) {
				assertThat(CallSites.isDbPerf(name)).as(name).isTrue();
			}
		}
		// Every name is a class that exists (dbperf-test's are in another module): a
		// class
		// moved to another package is not silently forgotten.
		assertThat(CallSites.DBPERF_CLASSES).allSatisfy((name) -> {
			assertThat(name).startsWith("io.github.dbperf.");
			if (!name.startsWith("io.github.dbperf.test.")) {
				assertThat(load(name)).as(name).isNotNull();
			}
		});
	}

	@Test
	void applicationPackagesComeFirstEvenUnderOrgSpringframework() {
		CallSites callSites = new CallSites(List.of("org.springframework.samples.dbperfcheck"));
		assertThat(org.springframework.samples.dbperfcheck.Caller.callSite(callSites))
			.startsWith("org.springframework.samples.dbperfcheck.Caller.callSite(Caller.java:");
	}

	private static Class<?> load(String name) throws IOException {
		try {
			return Class.forName(name, false, CallSitesTests.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
