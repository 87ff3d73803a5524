package io.github.dbperf.attribution;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Why the ORM ran a statement: a query, an entity load, a collection load (with the
 * association's role, {@code Author.books}), a flush of an entity, or plain JDBC. One
 * instance per kind, role and way of loading, so a statement carries its cause without
 * allocating.
 *
 * @param kind the kind of cause
 * @param role {@code Entity} or {@code Entity.association}; {@code null} for queries and
 * JDBC
 * @param loading how the ORM loads it: one key at a time, or several keys in one
 * statement (batch or subselect fetching, as the ORM's own mapping says)
 */
public record OrmCause(Kind kind, String role, Loading loading) {

	private static final int MAX_ROLES = 2048;

	/**
	 * A query the ORM ran (JPQL, HQL, criteria, native, derived) or any statement inside
	 * a repository call.
	 */
	public static final OrmCause QUERY = new OrmCause(Kind.QUERY, null, Loading.SINGLE);

	/** Not from the ORM: plain JDBC outside repository calls. */
	public static final OrmCause JDBC = new OrmCause(Kind.JDBC, null, Loading.SINGLE);

	private static final ConcurrentHashMap<String, OrmCause>[] entityLoads = byLoading();

	private static final ConcurrentHashMap<String, OrmCause>[] collectionLoads = byLoading();

	private static final ConcurrentHashMap<String, OrmCause>[] flushes = byLoading();

	/**
	 * An entity loaded by id or a proxy initialised.
	 * @param entity the entity's simple name
	 * @return the cause
	 */
	public static OrmCause entityLoad(String entity) {
		return entityLoad(entity, Loading.SINGLE);
	}

	/**
	 * An entity loaded by id or a proxy initialised, by an ORM that loads it as said.
	 * @param entity the entity's simple name
	 * @param loading one key at a time, or several at once
	 * @return the cause
	 */
	public static OrmCause entityLoad(String entity, Loading loading) {
		return intern(entityLoads, Kind.ENTITY_LOAD, entity, loading);
	}

	/**
	 * A collection initialised.
	 * @param role {@code Entity.association}
	 * @return the cause
	 */
	public static OrmCause collectionLoad(String role) {
		return collectionLoad(role, Loading.SINGLE);
	}

	/**
	 * A collection initialised, by an ORM that loads it as said.
	 * @param role {@code Entity.association}
	 * @param loading one key at a time, or several at once
	 * @return the cause
	 */
	public static OrmCause collectionLoad(String role, Loading loading) {
		return intern(collectionLoads, Kind.COLLECTION_LOAD, role, loading);
	}

	/**
	 * An entity inserted, updated or deleted by a flush.
	 * @param entity the entity's simple name, or {@code null} while not known
	 * @return the cause
	 */
	public static OrmCause flush(String entity) {
		return intern(flushes, Kind.FLUSH, (entity != null) ? entity : "", Loading.SINGLE);
	}

	private static OrmCause intern(ConcurrentHashMap<String, OrmCause>[] causes, Kind kind, String role,
			Loading loading) {
		ConcurrentHashMap<String, OrmCause> byRole = causes[loading.ordinal()];
		OrmCause cause = byRole.get(role);
		if (cause == null) {
			// Roles come from the ORM's metamodel, a closed set; the bound is a safety
			// net.
			if (byRole.size() >= MAX_ROLES) {
				return new OrmCause(kind, role, loading);
			}
			cause = byRole.computeIfAbsent(role, (key) -> new OrmCause(kind, key, loading));
		}
		return cause;
	}

	@SuppressWarnings("unchecked")
	private static ConcurrentHashMap<String, OrmCause>[] byLoading() {
		ConcurrentHashMap<String, OrmCause>[] maps = new ConcurrentHashMap[Loading.values().length];
		for (int i = 0; i < maps.length; i++) {
			maps[i] = new ConcurrentHashMap<>();
		}
		return maps;
	}

	/**
	 * The same cause loading one key at a time: what a statement of a batch-loadable
	 * association that loaded one key only was.
	 * @return the cause with {@link Loading#SINGLE}
	 */
	public OrmCause single() {
		if (this.loading == Loading.SINGLE) {
			return this;
		}
		return (this.kind == Kind.COLLECTION_LOAD) ? collectionLoad(this.role) : entityLoad(this.role);
	}

	/**
	 * Whether the ORM loaded several keys with this statement (batch or subselect
	 * fetching): never a repetition to report as N+1.
	 * @return {@code true} for batch and subselect loads
	 */
	public boolean isBatchLoad() {
		return this.loading != Loading.SINGLE;
	}

	/**
	 * Whether the statement loaded an entity or a collection.
	 * @return {@code true} for loads
	 */
	public boolean isLoad() {
		return this.kind == Kind.ENTITY_LOAD || this.kind == Kind.COLLECTION_LOAD;
	}

	@Override
	public String toString() {
		return (this.role != null && !this.role.isEmpty()) ? this.kind.value + " " + this.role : this.kind.value;
	}

	/**
	 * How the ORM loads an entity or a collection.
	 */
	public enum Loading {

		/** One key a statement. */
		SINGLE,

		/**
		 * Several keys a statement when several wait ({@code @BatchSize},
		 * {@code default_batch_fetch_size}).
		 */
		BATCH,

		/**
		 * The keys of every owner the query returned, by a subselect
		 * ({@code @Fetch(SUBSELECT)}).
		 */
		SUBSELECT

	}

	/**
	 * The kinds of cause.
	 */
	public enum Kind {

		QUERY("query"), ENTITY_LOAD("entity-load"), COLLECTION_LOAD("collection-load"), FLUSH("flush"), JDBC("jdbc");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		/**
		 * The kind as shown in JSON and tags.
		 * @return {@code entity-load}, ...
		 */
		public String value() {
			return this.value;
		}

	}

}
