package io.github.dbperf.capture;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How a database reads quoted text: which quote starts a string literal, whether a
 * backslash escapes inside it, and which quotes name identifiers. Known once per
 * DataSource, from its product, never per statement.
 */
public enum SqlQuoting {

	/**
	 * Standard SQL (H2, PostgreSQL with {@code standard_conforming_strings}, Oracle, SQL
	 * Server, Db2, MySQL with {@code NO_BACKSLASH_ESCAPES}): {@code ''} doubles a quote,
	 * a backslash is a character, {@code "..."} is an identifier; only PostgreSQL's
	 * {@code E'...'} strings take backslash escapes.
	 */
	STANDARD(false),

	/**
	 * MySQL and MariaDB by default: a backslash escapes the next character in
	 * {@code '...'} and {@code "..."} strings (both are literals), {@code `...`} names
	 * identifiers.
	 */
	BACKSLASH_ESCAPES(true);

	private final boolean backslashEscapes;

	SqlQuoting(boolean backslashEscapes) {
		this.backslashEscapes = backslashEscapes;
	}

	/**
	 * Whether a backslash escapes the next character of a quoted string.
	 * @return {@code true} for MySQL's rules
	 */
	public boolean backslashEscapes() {
		return this.backslashEscapes;
	}

	/**
	 * The rules of a database product.
	 * @param productName {@code DatabaseMetaData.getDatabaseProductName()}, may be
	 * {@code null}
	 * @param noBackslashEscapes whether the session runs with MySQL's
	 * {@code NO_BACKSLASH_ESCAPES} mode
	 * @return the rules
	 */
	public static SqlQuoting of(String productName, boolean noBackslashEscapes) {
		if (productName == null || noBackslashEscapes) {
			return STANDARD;
		}
		String product = productName.toLowerCase(Locale.ROOT);
		return (product.contains("mysql") || product.contains("mariadb")) ? BACKSLASH_ESCAPES : STANDARD;
	}

	/**
	 * The rules of the database behind a connection: its product and, for MySQL and
	 * MariaDB, the driver's own record of the session's {@code NO_BACKSLASH_ESCAPES} mode
	 * (no statement is run).
	 * @param connection an open connection
	 * @return the rules
	 * @throws SQLException when the driver cannot say its product
	 */
	public static SqlQuoting of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		SqlQuoting quoting = of(product, false);
		if (quoting == BACKSLASH_ESCAPES && NoBackslashEscapes.isSet(connection)) {
			return STANDARD;
		}
		return quoting;
	}

	/**
	 * Reads the server status both MySQL drivers keep from the handshake and every OK
	 * packet; through reflection, as neither driver is a dependency.
	 */
	private static final class NoBackslashEscapes {

		/** MariaDB's {@code ServerStatus.NO_BACKSLASH_ESCAPES} flag. */
		private static final int MARIADB_FLAG = 512;

		private NoBackslashEscapes() {
		}

		static boolean isSet(Connection connection) {
			try {
				ClassLoader loader = connection.getClass().getClassLoader();
				Class<?> mariadb = load("org.mariadb.jdbc.Connection", loader);
				if (mariadb != null && connection.isWrapperFor(mariadb)) {
					Object context = invoke(connection.unwrap(mariadb), "getContext");
					Object status = invoke(context, "getServerStatus");
					return status instanceof Integer flags && (flags & MARIADB_FLAG) != 0;
				}
				Class<?> mysql = load("com.mysql.cj.jdbc.JdbcConnection", loader);
				if (mysql != null && connection.isWrapperFor(mysql)) {
					Object session = invoke(connection.unwrap(mysql), "getSession");
					Object server = invoke(session, "getServerSession");
					return Boolean.TRUE.equals(invoke(server, "isNoBackslashEscapesSet"));
				}
			}
			catch (ReflectiveOperationException | SQLException | RuntimeException ex) {
				// A driver we cannot read: MySQL's default rules.
			}
			return false;
		}

		private static Class<?> load(String name, ClassLoader loader) {
			try {
				return Class.forName(name, false, loader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return null;
			}
		}

		private static Object invoke(Object target, String name) throws ReflectiveOperationException {
			Method method = target.getClass().getMethod(name);
			method.setAccessible(true);
			return method.invoke(target);
		}

	}

}
