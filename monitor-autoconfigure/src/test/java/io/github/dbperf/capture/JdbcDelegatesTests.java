package io.github.dbperf.capture;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.github.dbperf.capture.JdbcDelegateGenerator.Delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDBC delegates in {@code src/main/java} are what {@link JdbcDelegateGenerator}
 * writes: a change to the generator, a core or the JDK's {@code java.sql} fails here
 * until they are written again ({@code -Ddbperf.regenerate=true}, then
 * {@code spring-javaformat:apply}).
 */
class JdbcDelegatesTests {

	private static final Path SOURCES = Path.of("src/main/java");

	static final List<Delegate> DELEGATES = JdbcDelegateGenerator.DELEGATES;

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void theCheckedInDelegateIsWhatTheGeneratorWrites(Delegate delegate) throws IOException {
		String generated = JdbcDelegateGenerator.source(delegate);
		if (Boolean.getBoolean("dbperf.regenerate")) {
			Files.writeString(delegate.source(SOURCES), generated);
		}
		assertThat(withoutWhitespace(Files.readString(delegate.source(SOURCES))))
			.isEqualTo(withoutWhitespace(generated));
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void everyParameterHasAJdbcNameUniqueInItsMethod(Delegate delegate) {
		for (Method method : delegate.jdbcInterface().getMethods()) {
			List<String> names = JdbcParameterNames.of(method);
			assertThat(names).as(method.toString()).hasSize(method.getParameterCount());
			assertThat(new HashSet<>(names)).as(method.toString()).hasSameSizeAs(names);
			assertThat(names).as(method.toString()).noneMatch((name) -> name.matches("(a|arg)\\d+"));
		}
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void theGeneratedClassImplementsTheWholeInterface(Delegate delegate) throws ClassNotFoundException {
		Class<?> generated = Class.forName("io.github.dbperf.capture." + delegate.name());
		assertThat(Modifier.isAbstract(generated.getModifiers())).isFalse();
		assertThat(generated.getSuperclass()).isEqualTo(delegate.core());
		assertThat(delegate.jdbcInterface()).isAssignableFrom(generated);
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void eachExecuteMethodIsTimedOnSuccessAndOnFailure(Delegate delegate) throws ClassNotFoundException {
		Class<?> generated = Class.forName("io.github.dbperf.capture." + delegate.name());
		long executions = Arrays.stream(generated.getDeclaredMethods())
			.filter((method) -> method.getName().startsWith("execute") && !method.getName().contains("Batch"))
			.count();
		String source = JdbcDelegateGenerator.source(delegate);
		assertThat(source.split("executed\\(", -1)).hasSize((int) (2 * executions + 1));
		assertThat(source.split("System.nanoTime\\(\\)", -1)).hasSize((int) (executions + 1));
		if (Statement.class.isAssignableFrom(delegate.jdbcInterface())
				&& delegate.jdbcInterface() != CallableStatement.class) {
			assertThat(executions).isPositive();
		}
	}

	@ParameterizedTest
	@FieldSource("DELEGATES")
	void everyParameterIsNamedAsTheJdksOwnSourcesNameIt(Delegate delegate) throws IOException {
		Path sources = Path.of(System.getProperty("java.home"), "lib", "src.zip");
		assumeTrue(Files.isReadable(sources), "the JDK's sources (lib/src.zip)");
		Map<String, List<String>> javadocNames = new HashMap<>();
		try (FileSystem zip = FileSystems.newFileSystem(sources)) {
			for (Method method : delegate.jdbcInterface().getMethods()) {
				Class<?> owner = method.getDeclaringClass();
				if (method.getParameterCount() > 0 && owner.getPackageName().equals("java.sql")) {
					String key = owner.getSimpleName() + "." + method.getName()
							+ Arrays.stream(method.getParameterTypes())
								.map(Class::getSimpleName)
								.collect(Collectors.joining(",", "(", ")"));
					if (!javadocNames.containsKey(key)) {
						javadocNames
							.putAll(declaredNames(zip.getPath("java.sql/java/sql/" + owner.getSimpleName() + ".java"),
									owner.getSimpleName()));
					}
					assertThat(JdbcParameterNames.of(method)).as(key).isEqualTo(javadocNames.get(key));
				}
			}
		}
	}

	/** Each method's parameter names as its source declares them, by name and types. */
	private static Map<String, List<String>> declaredNames(Path source, String type) throws IOException {
		String code = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
		Map<String, List<String>> names = new HashMap<>();
		Matcher declaration = Pattern.compile("(\\w+)\\s*\\(([^()]+)\\)\\s*(throws[^;{]*)?[;{]").matcher(code);
		while (declaration.find()) {
			String list = declaration.group(2);
			while (list.contains("<")) {
				list = list.replaceAll("<[^<>]*>", "");
			}
			List<String> types = new ArrayList<>();
			List<String> parameters = new ArrayList<>();
			for (String parameter : list.split(",")) {
				String[] words = parameter.trim().split("\\s+");
				if (words.length < 2) {
					break;
				}
				String name = words[words.length - 1];
				String parameterType = words[words.length - 2];
				if (name.endsWith("[]")) {
					name = name.substring(0, name.length() - 2);
					parameterType += "[]";
				}
				types.add(parameterType.substring(parameterType.lastIndexOf('.') + 1));
				parameters.add(name);
			}
			if (!parameters.isEmpty()) {
				names.put(type + "." + declaration.group(1) + "(" + String.join(",", types) + ")", parameters);
			}
		}
		return names;
	}

	/** The source without whitespace and the leading stars of comment lines. */
	private static String withoutWhitespace(String source) {
		return source.replaceAll("(?m)^\\s*\\*(?!/)", "").replaceAll("\\s+", "");
	}

}
