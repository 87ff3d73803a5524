package io.github.dbperf.capture;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes dbperf's JDBC delegates ({@link LeanConnection}, {@link LeanStatement},
 * {@link LeanPreparedStatement}, {@link LeanCallableStatement},
 * {@link CountingResultSet}) from the {@code java.sql} interfaces and the hand-written
 * class each extends ({@link ConnectionCore}, {@link StatementCore},
 * {@link PreparedStatementCore}, {@link CallableStatementCore}, {@link ResultSetCore}):
 * every interface method the core does not implement becomes one of four shapes, chosen
 * by rule:
 * <ul>
 * <li>an {@code execute*} method of a statement (batches aside) is timed and reported
 * with {@code executed}, its SQL passed through the listener's {@code outgoing} (SQL
 * comments) and its result set counted;</li>
 * <li>a {@code set*(int parameterIndex, ...)} of a prepared statement keeps the value
 * with {@code bind} ({@code null} for {@code setNull});</li>
 * <li>a connection's {@code createStatement}, {@code prepareStatement} and
 * {@code prepareCall} wrap what the driver returns in dbperf's statement;</li>
 * <li>everything else delegates.</li>
 * </ul>
 * Parameters are named as the JDBC Javadoc names them. {@link JdbcDelegatesTests} fails
 * when a checked-in delegate differs from what this writes (whitespace aside); run it
 * with {@code -Ddbperf.regenerate=true} to write them, then
 * {@code ./mvnw spring-javaformat:apply}.
 */
final class JdbcDelegateGenerator {

	/** One generated class. */
	record Delegate(String name, Class<?> jdbcInterface, Class<?> core, String target, boolean isFinal,
			String description) {

		Path source(Path sourceRoot) {
			return sourceRoot.resolve("io/github/dbperf/capture/" + this.name + ".java");
		}

	}

	static final List<Delegate> DELEGATES = List.of(
			new Delegate("LeanConnection", Connection.class, ConnectionCore.class, "this.target", true,
					"dbperf's {@link Connection}: {@link ConnectionCore} plus the connection's other methods, "
							+ "its statements wrapped in dbperf's."),
			new Delegate("LeanStatement", Statement.class, StatementCore.class, "this.target", false,
					"dbperf's {@link Statement}: {@link StatementCore} plus the statement's other methods, "
							+ "each {@code execute*} timed."),
			new Delegate("LeanPreparedStatement", PreparedStatement.class, PreparedStatementCore.class, "this.prepared",
					false,
					"dbperf's {@link PreparedStatement}: {@link PreparedStatementCore} plus the prepared "
							+ "statement's other methods, each bound value kept and each {@code execute*} timed."),
			new Delegate("LeanCallableStatement", CallableStatement.class, CallableStatementCore.class, "this.callable",
					true,
					"dbperf's {@link CallableStatement}: {@link CallableStatementCore} plus the callable "
							+ "statement's other methods, delegated."),
			new Delegate("CountingResultSet", ResultSet.class, ResultSetCore.class, "this.target", true,
					"dbperf's {@link ResultSet}: {@link ResultSetCore} plus the result set's other methods, "
							+ "delegated."));

	private static final Set<Class<?>> STATEMENTS = Set.of(Statement.class, PreparedStatement.class,
			CallableStatement.class);

	private final Delegate delegate;

	private final Set<String> imports = new TreeSet<>();

	private JdbcDelegateGenerator(Delegate delegate) {
		this.delegate = delegate;
	}

	/**
	 * The source of one delegate.
	 * @param delegate the delegate
	 * @return its Java source, not formatted
	 */
	static String source(Delegate delegate) {
		return new JdbcDelegateGenerator(delegate).write();
	}

	public static void main(String[] args) throws IOException {
		Path sourceRoot = Path.of((args.length > 0) ? args[0] : "src/main/java");
		for (Delegate delegate : DELEGATES) {
			Files.writeString(delegate.source(sourceRoot), source(delegate));
		}
	}

	private String write() {
		StringBuilder body = new StringBuilder();
		for (Constructor<?> constructor : this.delegate.core().getDeclaredConstructors()) {
			writeConstructor(constructor, body);
		}
		for (Method method : methodsToWrite()) {
			writeMethod(method, body);
		}
		boolean deprecated = methodsToWrite().stream()
			.anyMatch((method) -> method.isAnnotationPresent(Deprecated.class));
		StringBuilder source = new StringBuilder("package io.github.dbperf.capture;\n\n");
		importType(this.delegate.jdbcInterface());
		List<String> java = this.imports.stream().filter((name) -> name.startsWith("java.")).toList();
		List<String> others = this.imports.stream().filter((name) -> !name.startsWith("java.")).toList();
		java.forEach((name) -> source.append("import ").append(name).append(";\n"));
		if (!others.isEmpty()) {
			source.append('\n');
			others.forEach((name) -> source.append("import ").append(name).append(";\n"));
		}
		source.append("\n/**\n * ").append(this.delegate.description()).append('\n');
		source.append(" * <p>\n * Generated by {@code JdbcDelegateGenerator} from {@code ")
			.append(this.delegate.jdbcInterface().getName())
			.append("}: do not edit, change the generator or {@link ")
			.append(this.delegate.core().getSimpleName())
			.append("}.\n */\n");
		if (deprecated) {
			source.append("@SuppressWarnings(\"deprecation\")\n");
		}
		source.append(this.delegate.isFinal() ? "final " : "")
			.append("class ")
			.append(this.delegate.name())
			.append(" extends ")
			.append(this.delegate.core().getSimpleName())
			.append(" {\n\n");
		source.append(body);
		source.append("}\n");
		return source.toString();
	}

	/** The interface's methods the core leaves abstract, in a stable order. */
	private List<Method> methodsToWrite() {
		Map<String, Method> methods = new LinkedHashMap<>();
		for (Method method : this.delegate.jdbcInterface().getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || implementedByCore(method)) {
				continue;
			}
			methods.putIfAbsent(signature(method), method);
		}
		return methods.values()
			.stream()
			.sorted(Comparator.comparing(Method::getName).thenComparing(JdbcDelegateGenerator::signature))
			.toList();
	}

	private boolean implementedByCore(Method method) {
		try {
			Method implementation = this.delegate.core().getMethod(method.getName(), method.getParameterTypes());
			return !implementation.getDeclaringClass().isInterface()
					&& !Modifier.isAbstract(implementation.getModifiers());
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getTypeName)
			.collect(Collectors.joining(",", "(", ")"));
	}

	private void writeConstructor(Constructor<?> constructor, StringBuilder out) {
		Parameter[] parameters = constructor.getParameters();
		List<String> declared = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Parameter parameter : parameters) {
			declared.add(typeName(parameter.getParameterizedType()) + " " + parameter.getName());
			names.add(parameter.getName());
		}
		out.append('\t')
			.append(this.delegate.name())
			.append('(')
			.append(String.join(", ", declared))
			.append(") {\n\t\tsuper(")
			.append(String.join(", ", names))
			.append(");\n\t}\n\n");
	}

	private void writeMethod(Method method, StringBuilder out) {
		List<String> names = JdbcParameterNames.of(method);
		Type[] types = method.getGenericParameterTypes();
		List<String> declared = new ArrayList<>();
		for (int i = 0; i < types.length; i++) {
			declared.add(typeName(types[i]) + " " + names.get(i));
		}
		out.append("\t@Override\n");
		if (method.isAnnotationPresent(Deprecated.class)) {
			out.append("\t@Deprecated\n");
		}
		out.append("\tpublic ");
		TypeVariable<Method>[] typeParameters = method.getTypeParameters();
		if (typeParameters.length > 0) {
			out.append(Arrays.stream(typeParameters)
				.map(TypeVariable::getName)
				.collect(Collectors.joining(", ", "<", "> ")));
		}
		out.append(typeName(method.getGenericReturnType()))
			.append(' ')
			.append(method.getName())
			.append('(')
			.append(String.join(", ", declared))
			.append(')');
		if (method.getExceptionTypes().length > 0) {
			out.append(" throws ")
				.append(Arrays.stream(method.getExceptionTypes())
					.map(this::typeName)
					.collect(Collectors.joining(", ")));
		}
		out.append(" {\n");
		writeBody(method, names, out);
		out.append("\t}\n\n");
	}

	private void writeBody(Method method, List<String> names, StringBuilder out) {
		String name = method.getName();
		Class<?> returned = method.getReturnType();
		boolean statement = STATEMENTS.contains(this.delegate.jdbcInterface());
		if (statement && name.startsWith("execute") && !name.contains("Batch")) {
			writeTimed(method, names, out);
		}
		else if (this.delegate.jdbcInterface() == Connection.class && STATEMENTS.contains(returned)) {
			List<String> arguments = new ArrayList<>(names);
			boolean sql = !names.isEmpty() && names.get(0).equals("sql");
			if (sql) {
				arguments.set(0, "this.listener.outgoing(sql)");
			}
			out.append("\t\treturn new Lean")
				.append(returned.getSimpleName())
				.append("(this.target.")
				.append(call(name, arguments))
				.append(", ")
				.append(sql ? "sql" : "null")
				.append(", this, this.proxyConfig, this.listener);\n");
		}
		else {
			if (this.delegate.jdbcInterface() == PreparedStatement.class && name.startsWith("set")
					&& method.getParameterCount() >= 2 && method.getParameterTypes()[0] == int.class) {
				out.append("\t\tbind(")
					.append(names.get(0))
					.append(", ")
					.append(name.equals("setNull") ? "null" : names.get(1))
					.append(");\n");
			}
			out.append("\t\t")
				.append((returned == void.class) ? "" : "return ")
				.append(this.delegate.target())
				.append('.')
				.append(call(name, names))
				.append(";\n");
		}
	}

	private void writeTimed(Method method, List<String> names, StringBuilder out) {
		List<String> arguments = new ArrayList<>(names);
		String sql = "this.sql";
		if (!names.isEmpty()) {
			sql = names.get(0);
			arguments.set(0, "this.listener.outgoing(" + sql + ")");
		}
		Class<?> returned = method.getReturnType();
		out.append("\t\tlong start = System.nanoTime();\n\t\ttry {\n\t\t\t")
			.append(typeName(returned))
			.append(" result = ")
			.append(this.delegate.target())
			.append('.')
			.append(call(method.getName(), arguments))
			.append(";\n\t\t\texecuted(")
			.append(sql)
			.append(", start, true, result);\n\t\t\treturn ")
			.append((returned == ResultSet.class) ? "countRows(result)" : "result")
			.append(";\n\t\t}\n\t\tcatch (SQLException | RuntimeException | Error ex) {\n\t\t\texecuted(")
			.append(sql)
			.append(", start, false, null);\n\t\t\tthrow ex;\n\t\t}\n");
		importType(java.sql.SQLException.class);
	}

	private static String call(String name, List<String> arguments) {
		return name + "(" + String.join(", ", arguments) + ")";
	}

	private String typeName(Type type) {
		if (type instanceof Class<?> type1) {
			if (type1.isArray()) {
				return typeName(type1.getComponentType()) + "[]";
			}
			importType(type1);
			return (type1.getEnclosingClass() != null)
					? typeName(type1.getEnclosingClass()) + "." + type1.getSimpleName() : type1.getSimpleName();
		}
		if (type instanceof ParameterizedType parameterized) {
			return typeName(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
				.map(this::typeName)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		if (type instanceof WildcardType wildcard) {
			if (wildcard.getLowerBounds().length > 0) {
				return "? super " + typeName(wildcard.getLowerBounds()[0]);
			}
			Type upper = wildcard.getUpperBounds()[0];
			return (upper == Object.class) ? "?" : "? extends " + typeName(upper);
		}
		if (type instanceof GenericArrayType array) {
			return typeName(array.getGenericComponentType()) + "[]";
		}
		return type.getTypeName();
	}

	private void importType(Class<?> type) {
		while (type.getEnclosingClass() != null) {
			type = type.getEnclosingClass();
		}
		if (type.isPrimitive() || type.getPackageName().equals("java.lang")
				|| type.getPackageName().equals("io.github.dbperf.capture")) {
			return;
		}
		this.imports.add(type.getName());
	}

}
