package io.github.dbperf.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.RecentEntries;

/**
 * Fingerprints SQL. A string seen before costs one map lookup; the cache is bounded by
 * the bytes of SQL text it keeps (the application's strings and their fingerprints).
 */
public final class SqlFingerprinter {

	/**
	 * Fingerprint text kept at most; longer statements are cut (their id is still of the
	 * whole).
	 */
	public static final int MAX_SQL_LENGTH = 2048;

	private static final int MAX_CACHED_SQL_LENGTH = 8192;

	/** Bytes of SQL text the cache keeps by default: thousands of ordinary statements. */
	public static final long DEFAULT_CACHE_BYTES = 8L * 1024 * 1024;

	private final Cache<String, SqlFingerprint> cache;

	/**
	 * The same SQL string (an ORM's cached SQL) finds its fingerprint without a cache
	 * lookup.
	 */
	private final RecentEntries<SqlFingerprint> recent;

	private final LongAdder incomplete = new LongAdder();

	public SqlFingerprinter() {
		this(DEFAULT_CACHE_BYTES);
	}

	/**
	 * Create a fingerprinter.
	 * @param cacheBytes the bytes of SQL text its cache keeps at most
	 */
	public SqlFingerprinter(long cacheBytes) {
		this.cache = BoundedCaches.ofWeight(cacheBytes, SqlFingerprinter::bytes);
		// A fingerprint stays right after the cache evicts it: the table may keep serving
		// it.
		this.recent = new RecentEntries<>(64, this.cache, (fingerprint) -> true);
	}

	private static int bytes(String sql, SqlFingerprint fingerprint) {
		// Two bytes a char (UTF-16 at worst) for the key and the fingerprint text, plus
		// the objects.
		return 2 * (sql.length() + fingerprint.sql().length()) + 128;
	}

	/**
	 * Fingerprint of the given SQL read by standard SQL's quoting rules.
	 * @param sql the SQL as sent to the driver
	 * @return its fingerprint, never {@code null}
	 */
	public SqlFingerprint fingerprint(String sql) {
		return fingerprint(sql, SqlQuoting.STANDARD);
	}

	/**
	 * Fingerprint of the given SQL. The cache is shared by every DataSource: a cached
	 * fingerprint serves another database's rules too unless its text has a backslash or
	 * a double quote, the only characters the rules read differently.
	 * @param sql the SQL as sent to the driver
	 * @param quoting the quoting rules of the database that runs it
	 * @return its fingerprint, never {@code null}
	 */
	public SqlFingerprint fingerprint(String sql, SqlQuoting quoting) {
		SqlFingerprint fingerprint = this.recent.get(sql);
		if (fingerprint == null || !fingerprint.readableAs(quoting)) {
			fingerprint = compute(sql, quoting);
			if (!fingerprint.complete()) {
				this.incomplete.increment();
			}
			if (sql.length() <= MAX_CACHED_SQL_LENGTH) {
				this.cache.put(sql, fingerprint);
				this.recent.put(sql, fingerprint);
			}
		}
		return fingerprint;
	}

	/**
	 * Statements whose text did not end where the database's rules say (a string or
	 * comment left open): the rest of such a text is masked, never kept as words.
	 * @return fingerprints computed for such statements since start
	 */
	public long incomplete() {
		return this.incomplete.sum();
	}

	int cachedCount() {
		this.cache.cleanUp();
		return (int) this.cache.estimatedSize();
	}

	long cachedBytes() {
		this.cache.cleanUp();
		return this.cache.policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0)).orElse(0L);
	}

	/**
	 * Fingerprint SQL without the cache (what a cache miss costs), by standard SQL's
	 * quoting rules.
	 * @param sql the SQL
	 * @return its fingerprint
	 */
	public static SqlFingerprint compute(String sql) {
		return compute(sql, SqlQuoting.STANDARD);
	}

	/**
	 * Fingerprint SQL without the cache (what a cache miss costs).
	 * @param sql the SQL
	 * @param quoting the quoting rules of the database that runs it
	 * @return its fingerprint
	 */
	public static SqlFingerprint compute(String sql, SqlQuoting quoting) {
		SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize(sql, quoting);
		SqlNormalizer.Normalized normalized = SqlNormalizer.normalize(tokens.tokens());
		String text = normalized.sql();
		String shown = (text.length() <= MAX_SQL_LENGTH) ? text : text.substring(0, MAX_SQL_LENGTH - 1) + "…";
		boolean quotingMatters = sql.indexOf('\\') >= 0 || sql.indexOf('"') >= 0;
		return new SqlFingerprint(idOf(text), shown, OperationClassifier.classify(tokens.tokens()), normalized.inList(),
				tokens.complete(), quotingMatters ? quoting : null);
	}

	/**
	 * The stable id of a text: 16 hexadecimal digits of its SHA-256.
	 * @param text the text
	 * @return the id
	 */
	public static String idOf(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
