package io.github.dbperf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows between dbperf's packages, read from the imports of the sources: no cycle,
 * and the shared packages depend on nothing of dbperf's features.
 */
class PackageDependenciesTests {

	private static final Path SOURCES = Path.of("src/main/java/io/github/dbperf");

	private static final Pattern PACKAGE = Pattern.compile("^package io\\.github\\.dbperf\\.?([a-z.]*);",
			Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern
		.compile("^import (?:static )?io\\.github\\.dbperf\\.((?:[a-z]+\\.)*)[A-Z]", Pattern.MULTILINE);

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		Map<String, Set<String>> arrows = arrows();
		assertThat(arrows).containsKeys("capture", "findings", "statistics", "endpoint");
		for (String from : arrows.keySet()) {
			assertThat(reachable(arrows, from)).as("packages %s reaches, back to itself (%s)", from, arrows)
				.doesNotContain(from);
		}
	}

	@Test
	void theSharedPackagesDependOnNoFeature() {
		Map<String, Set<String>> arrows = arrows();
		assertThat(arrows.getOrDefault("internal", Set.of())).isEmpty();
		assertThat(arrows.get("root")).as("DbPerf and Scope").containsOnly("attribution");
	}

	private static Set<String> reachable(Map<String, Set<String>> arrows, String from) {
		Set<String> seen = new HashSet<>();
		Deque<String> next = new ArrayDeque<>(arrows.getOrDefault(from, Set.of()));
		while (!next.isEmpty()) {
			String to = next.pop();
			if (seen.add(to)) {
				next.addAll(arrows.getOrDefault(to, Set.of()));
			}
		}
		return seen;
	}

	/**
	 * Package (without {@code io.github.dbperf}; {@code root} for it) to the packages it
	 * imports.
	 */
	private static Map<String, Set<String>> arrows() {
		Map<String, Set<String>> arrows = new TreeMap<>();
		for (Path source : sources()) {
			String text = read(source);
			Matcher declared = PACKAGE.matcher(text);
			assertThat(declared.find()).as(source.toString()).isTrue();
			String from = name(declared.group(1));
			Matcher imported = IMPORT.matcher(text);
			while (imported.find()) {
				String to = name(imported.group(1).replaceAll("\\.$", ""));
				if (!to.equals(from)) {
					arrows.computeIfAbsent(from, (key) -> new TreeSet<>()).add(to);
				}
			}
		}
		return arrows;
	}

	private static String name(String subpackage) {
		return subpackage.isEmpty() ? "root" : subpackage;
	}

	private static List<Path> sources() {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return new ArrayList<>(files.filter((file) -> file.toString().endsWith(".java")).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
