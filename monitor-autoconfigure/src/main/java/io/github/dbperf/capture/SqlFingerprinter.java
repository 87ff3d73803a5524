package io.github.dbperf.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fingerprints SQL. A string seen before costs one map lookup; the cache is bounded in
 * entries and in the length of the strings it keeps.
 */
public final class SqlFingerprinter {

	/** Fingerprint text kept at most; longer statements are cut (their id is still of the whole). */
	public static final int MAX_SQL_LENGTH = 2048;

	private static final int MAX_CACHED_SQL_LENGTH = 8192;

	private final int cacheCapacity;

	private final ConcurrentHashMap<String, SqlFingerprint> cache;

	public SqlFingerprinter() {
		this(2048);
	}

	public SqlFingerprinter(int cacheCapacity) {
		this.cacheCapacity = cacheCapacity;
		this.cache = new ConcurrentHashMap<>(Math.min(cacheCapacity, 1024));
	}

	/**
	 * Fingerprint of the given SQL.
	 * @param sql the SQL as sent to the driver
	 * @return its fingerprint, never {@code null}
	 */
	public SqlFingerprint fingerprint(String sql) {
		SqlFingerprint cached = this.cache.get(sql);
		if (cached != null) {
			return cached;
		}
		SqlFingerprint fingerprint = compute(sql);
		if (sql.length() <= MAX_CACHED_SQL_LENGTH) {
			if (this.cache.size() >= this.cacheCapacity) {
				// Crude but bounded: applications have far fewer distinct strings than this,
				// so a full cache means generated SQL and nothing is worth keeping.
				this.cache.clear();
			}
			this.cache.put(sql, fingerprint);
		}
		return fingerprint;
	}

	int cachedCount() {
		return this.cache.size();
	}

	static SqlFingerprint compute(String sql) {
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
