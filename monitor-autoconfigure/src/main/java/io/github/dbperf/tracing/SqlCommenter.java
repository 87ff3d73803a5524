package io.github.dbperf.tracing;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.SqlComments;
import io.github.dbperf.internal.BoundedCaches;
import org.jspecify.annotations.Nullable;

/**
 * Appends a comment in the sqlcommenter format to each statement, naming the code that
 * runs it with low-cardinality values only: {@code application}, {@code framework}, the
 * entry point as {@code route}, the repository method as {@code db_repository} and, in a
 * request Spring MVC matched, the handler as {@code controller} and {@code action} (a
 * route has one handler, so the comment of a (SQL, route, method) still holds). Keys
 * sorted, values URL-encoded, the comment before a trailing {@code ;}; a statement that
 * already has a comment is sent as it is. Each (SQL, route, repository method) is built
 * once and cached (bounded): a statement costs a thread-local read and a lookup with a
 * reused key, no string building and no allocation once cached. Statements outside any
 * unit of work and repository call (startup, migrations) are sent as they are. With
 * {@code dbperf.sql-comments.traceparent=true}, the W3C {@code traceparent} of the span
 * the statement runs in is added (last, as keys sort), built per statement.
 */
public final class SqlCommenter implements SqlComments {

	/** Distinct (SQL, route, method) comments kept: about 1 KiB each at most. */
	static final int MAX_COMMENTED = 10_000;

	private final @Nullable String application;

	private final Cache<Key, String> commented = BoundedCaches.ofSize(MAX_COMMENTED, null);

	private final ThreadLocal<Key> lookups = ThreadLocal.withInitial(Key::new);

	private final TraceIds traces;

	/**
	 * Create a commenter.
	 * @param application the application's name ({@code spring.application.name}), or
	 * {@code null}
	 */
	public SqlCommenter(@Nullable String application) {
		this(application, TraceIds.NONE);
	}

	/**
	 * Create a commenter whose comments carry the trace context.
	 * @param application the application's name ({@code spring.application.name}), or
	 * {@code null}
	 * @param traces the current trace, asked per statement for {@code traceparent}
	 * ({@link TraceIds#NONE} for none)
	 */
	public SqlCommenter(@Nullable String application, TraceIds traces) {
		this.application = application;
		this.traces = traces;
	}

	@Override
	public String apply(String sql) {
		CallContext context = Attribution.current();
		UnitOfWork unit = context.unit();
		String route = (unit != null) ? unit.entrypoint() : null;
		RepositoryMethod method = context.innermost();
		if (route == null && method == RepositoryMethod.NONE) {
			return sql;
		}
		Key lookup = this.lookups.get().of(sql, route, method);
		String commented = this.commented.getIfPresent(lookup);
		if (commented == null) {
			commented = comment(sql, route, method, (unit != null) ? unit.handlerMethod() : null);
			this.commented.put(new Key().of(sql, route, method), commented);
		}
		return withTraceparent(sql, commented);
	}

	/**
	 * The cached comment with the trace context added: {@code traceparent} sorts after
	 * every other key, so it goes last. Built per statement, as it differs per request.
	 */
	private String withTraceparent(String sql, String commented) {
		if (commented == sql || this.traces == TraceIds.NONE) {
			return commented;
		}
		String traceparent = this.traces.traceparent();
		if (traceparent == null) {
			return commented;
		}
		int end = commented.lastIndexOf("*/");
		return commented.substring(0, end) + ",traceparent='" + encode(traceparent) + "'" + commented.substring(end);
	}

	private String comment(String sql, @Nullable String route, RepositoryMethod method, @Nullable Method handler) {
		if (hasComment(sql)) {
			return sql;
		}
		Map<String, String> tags = new TreeMap<>();
		if (this.application != null && !this.application.isBlank()) {
			tags.put("application", this.application);
		}
		tags.put("framework", "spring");
		if (route != null) {
			tags.put("route", route);
		}
		if (method != RepositoryMethod.NONE) {
			tags.put("db_repository", method.qualifiedName());
		}
		if (handler != null) {
			tags.put("controller", handler.getDeclaringClass().getSimpleName());
			tags.put("action", handler.getName());
		}
		return append(sql, serialize(tags));
	}

	/**
	 * The sqlcommenter serialization: {@code /*key='value',...*\/}, keys sorted, keys and
	 * values URL-encoded, quotes in values escaped.
	 * @param tags keys and values, sorted
	 * @return the comment
	 */
	static String serialize(Map<String, String> tags) {
		StringBuilder comment = new StringBuilder("/*");
		tags.forEach((key, value) -> comment.append((comment.length() > 2) ? "," : "")
			.append(encode(key))
			.append("='")
			.append(encode(value).replace("'", "\\'"))
			.append('\''));
		return comment.append("*/").toString();
	}

	/** URL encoding as sqlcommenter's reference implementations do it: a space is %20. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The comment goes last, before a trailing semicolon. */
	static String append(String sql, String comment) {
		int end = sql.length();
		while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
			end--;
		}
		if (end > 0 && sql.charAt(end - 1) == ';') {
			return sql.substring(0, end - 1) + " " + comment + ";";
		}
		return sql.substring(0, end) + " " + comment;
	}

	/**
	 * Whether the statement has a comment of its own: then it is not changed (the
	 * sqlcommenter rule). A {@code --} or {@code /*} inside a string counts too, which
	 * only leaves such a statement without dbperf's comment.
	 */
	static boolean hasComment(String sql) {
		return sql.contains("/*") || sql.contains("--");
	}

	/**
	 * A (SQL, route, method) key; a thread reuses one for lookups, so a cached comment
	 * allocates nothing.
	 */
	private static final class Key {

		private String sql;

		private @Nullable String route;

		private RepositoryMethod method;

		private int hash;

		Key of(String sql, @Nullable String route, RepositoryMethod method) {
			this.sql = sql;
			this.route = route;
			this.method = method;
			this.hash = (sql.hashCode() * 31 + Objects.hashCode(route)) * 31 + System.identityHashCode(method);
			return this;
		}

		@Override
		public boolean equals(Object other) {
			// Repository methods are one instance per method (RepositoryMethodInterceptor
			// keeps them), so identity is their equality here.
			return other instanceof Key key && this.method == key.method && this.sql.equals(key.sql)
					&& Objects.equals(this.route, key.route);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
