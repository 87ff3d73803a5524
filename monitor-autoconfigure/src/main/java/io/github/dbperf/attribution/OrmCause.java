package io.github.dbperf.attribution;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Why the ORM ran a statement: a query, an entity load, a collection load (with the
 * association's role, {@code Author.books}), a flush of an entity, or plain JDBC. One
 * instance per kind and role, so a statement carries its cause without allocating.
 *
 * @param kind the kind of cause
 * @param role {@code Entity} or {@code Entity.association}; {@code null} for queries and
 * JDBC
 */
public record OrmCause(Kind kind, String role) {

	private static final int MAX_ROLES = 2048;

	/** A query the ORM ran (JPQL, HQL, criteria, native, derived) or any statement inside a repository call. */
	public static final OrmCause QUERY = new OrmCause(Kind.QUERY, null);

	/** Not from the ORM: plain JDBC outside repository calls. */
	public static final OrmCause JDBC = new OrmCause(Kind.JDBC, null);

	private static final ConcurrentHashMap<String, OrmCause> entityLoads = new ConcurrentHashMap<>();

	private static final ConcurrentHashMap<String, OrmCause> collectionLoads = new ConcurrentHashMap<>();

	private static final ConcurrentHashMap<String, OrmCause> flushes = new ConcurrentHashMap<>();

	/**
	 * An entity loaded by id or a proxy initialised.
	 * @param entity the entity's simple name
	 * @return the cause
	 */
	public static OrmCause entityLoad(String entity) {
		return intern(entityLoads, Kind.ENTITY_LOAD, entity);
	}

	/**
	 * A collection initialised.
	 * @param role {@code Entity.association}
	 * @return the cause
	 */
	public static OrmCause collectionLoad(String role) {
		return intern(collectionLoads, Kind.COLLECTION_LOAD, role);
	}

	/**
	 * An entity inserted, updated or deleted by a flush.
	 * @param entity the entity's simple name, or {@code null} while not known
	 * @return the cause
	 */
	public static OrmCause flush(String entity) {
		return intern(flushes, Kind.FLUSH, (entity != null) ? entity : "");
	}

	private static OrmCause intern(ConcurrentHashMap<String, OrmCause> causes, Kind kind, String role) {
		OrmCause cause = causes.get(role);
		if (cause == null) {
			// Roles come from the ORM's metamodel, a closed set; the bound is a safety net.
			if (causes.size() >= MAX_ROLES) {
				return new OrmCause(kind, role);
			}
			cause = causes.computeIfAbsent(role, (key) -> new OrmCause(kind, key));
		}
		return cause;
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
