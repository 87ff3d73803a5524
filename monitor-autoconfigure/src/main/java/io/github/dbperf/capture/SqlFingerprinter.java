package io.github.dbperf.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.BoundedCaches;

/**
 * Fingerprints SQL. A string seen before costs one map lookup; the cache is bounded by
 * the bytes of SQL text it keeps (the application's strings and their fingerprints).
 */
public final class SqlFingerprinter {

	/** Fingerprint text kept at most; longer statements are cut (their id is still of the whole). */
	public static final int MAX_SQL_LENGTH = 2048;

	private static final int MAX_CACHED_SQL_LENGTH = 8192;

	/** Bytes of SQL text the cache keeps by default: thousands of ordinary statements. */
	public static final long DEFAULT_CACHE_BYTES = 8L * 1024 * 1024;

	private final Cache<String, SqlFingerprint> cache;

	public SqlFingerprinter() {
		this(DEFAULT_CACHE_BYTES);
	}

	/**
	 * Create a fingerprinter.
	 * @param cacheBytes the bytes of SQL text its cache keeps at most
	 */
	public SqlFingerprinter(long cacheBytes) {
		this.cache = BoundedCaches.ofWeight(cacheBytes, SqlFingerprinter::bytes);
	}

	private static int bytes(String sql, SqlFingerprint fingerprint) {
		// Two bytes a char (UTF-16 at worst) for the key and the fingerprint text, plus the objects.
		return 2 * (sql.length() + fingerprint.sql().length()) + 128;
	}

	/**
	 * Fingerprint of the given SQL.
	 * @param sql the SQL as sent to the driver
	 * @return its fingerprint, never {@code null}
	 */
	public SqlFingerprint fingerprint(String sql) {
		int slot = sql.hashCode() & (RECENT - 1);
		Recent recent = this.recent[slot];
		if (recent != null && (recent.sql() == sql || recent.sql().equals(sql))) {
			// One hit in eight still reads the cache, so that its eviction keeps seeing what is used.
			if ((++this.hits & 7) == 0) {
				this.cache.getIfPresent(sql);
			}
			return recent.fingerprint();
		}
		SqlFingerprint fingerprint = this.cache.getIfPresent(sql);
		if (fingerprint == null) {
			fingerprint = compute(sql);
			if (sql.length() <= MAX_CACHED_SQL_LENGTH) {
				this.cache.put(sql, fingerprint);
			}
		}
		if (sql.length() <= MAX_CACHED_SQL_LENGTH) {
			this.recent[slot] = new Recent(sql, fingerprint);
		}
		return fingerprint;
	}

	/**
	 * The latest SQL strings by their hash: the same string (an ORM's cached SQL) finds its
	 * fingerprint without a cache lookup. Racy on purpose: the pairs are immutable.
	 */
	private final Recent[] recent = new Recent[RECENT];

	private static final int RECENT = 64;

	/** Hits of {@link #recent}, counted without synchronization: a sample is enough. */
	private int hits;

	private record Recent(String sql, SqlFingerprint fingerprint) {

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
	 * Fingerprint SQL without the cache (what a cache miss costs).
	 * @param sql the SQL
	 * @return its fingerprint
	 */
	public static SqlFingerprint compute(String sql) {
		List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(sql);
		SqlNormalizer.Normalized normalized = SqlNormalizer.normalize(tokens);
		String text = normalized.sql();
		String shown = (text.length() <= MAX_SQL_LENGTH) ? text : text.substring(0, MAX_SQL_LENGTH - 1) + "…";
		return new SqlFingerprint(idOf(text), shown, OperationClassifier.classify(tokens), normalized.inList());
	}

	static String idOf(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
