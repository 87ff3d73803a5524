package io.github.dbperf.attribution;

import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Finds the application code that caused a statement: the first stack frame outside the
 * JDK, the frameworks, the drivers and dbperf itself. Walks the stack, so it is taken only
 * for findings (slow statements, N+1), never per statement.
 */
public final class CallSites {

	/** Where nothing better is found. */
	public static final String UNKNOWN = "unknown";

	private static final List<String> FRAMEWORK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "org.springframework.", "org.hibernate.", "net.ttddyy.", "com.zaxxer.", "org.h2.",
			"org.postgresql.", "org.mariadb.", "com.mysql.", "org.apache.", "org.aopalliance.", "io.micrometer.",
			"org.slf4j.", "ch.qos.", "org.junit.", "org.flywaydb.", "liquibase.");

	private static final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	/** dbperf's own classes are told apart by where they were loaded from, not by name. */
	private static final Set<URL> dbPerfLocations = new CopyOnWriteArraySet<>();

	static {
		skipClassesFrom(CallSites.class);
	}

	private CallSites() {
	}

	/**
	 * The calling thread's first application frame.
	 * @return {@code com.example.Service.method(Service.java:42)}, or {@link #UNKNOWN}
	 */
	public static String current() {
		Optional<StackWalker.StackFrame> frame = walker
			.walk((frames) -> frames.filter(CallSites::isApplication).findFirst());
		return frame.map(CallSites::format).orElse(UNKNOWN);
	}

	private static boolean isApplication(StackWalker.StackFrame frame) {
		if (!isApplication(frame.getClassName())) {
			return false;
		}
		URL location = locationOf(frame.getDeclaringClass());
		return location == null || !dbPerfLocations.contains(location);
	}

	/**
	 * Whether a class is dbperf's own: loaded from where dbperf's modules were.
	 * @param type the class
	 * @return {@code true} for dbperf's classes
	 */
	public static boolean isOwnClass(Class<?> type) {
		URL location = locationOf(type);
		return location != null && dbPerfLocations.contains(location);
	}

	/**
	 * Treat every class loaded from where the given one was as dbperf's own (never a call
	 * site); for dbperf's other modules.
	 * @param type a class of that module
	 */
	public static void skipClassesFrom(Class<?> type) {
		URL location = locationOf(type);
		if (location != null) {
			dbPerfLocations.add(location);
		}
	}

	private static URL locationOf(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return (source != null) ? source.getLocation() : null;
	}

	static boolean isApplication(String className) {
		if (className.contains("$$") || className.startsWith("jdk.proxy") || className.contains("$Proxy")) {
			return false;
		}
		for (String prefix : FRAMEWORK_PREFIXES) {
			if (className.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	private static String format(StackWalker.StackFrame frame) {
		String className = frame.getClassName();
		String simple = className.substring(className.lastIndexOf('.') + 1);
		return className + "." + frame.getMethodName() + "(" + ((frame.getFileName() != null) ? frame.getFileName()
				: simple) + ":" + frame.getLineNumber() + ")";
	}

}
