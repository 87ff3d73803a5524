package io.github.dbperf.attribution;

import java.util.Objects;

/**
 * Why the ORM ran a statement: a query, an entity load, a collection load (with the
 * association's role, {@code Author.books}), a flush of an entity, or plain JDBC.
 * Immutable and compared by value. Made once per kind, role and way of loading by whoever
 * reads them from the ORM and kept there ({@code HibernateCauses} keeps one per name and
 * session factory), so that a statement carries its cause without allocating; nothing is
 * kept JVM-wide.
 */
public final class OrmCause {

	/**
	 * A query the ORM ran (JPQL, HQL, criteria, native, derived) or any statement inside
	 * a repository call.
	 */
	public static final OrmCause QUERY = new OrmCause(Kind.QUERY, null, Loading.SINGLE);

	/** Not from the ORM: plain JDBC outside repository calls. */
	public static final OrmCause JDBC = new OrmCause(Kind.JDBC, null, Loading.SINGLE);

	private final Kind kind;

	private final String role;

	private final Loading loading;

	/** The same cause loading one key at a time: this one, or its twin made with it. */
	private final OrmCause single;

	private OrmCause(Kind kind, String role, Loading loading) {
		this.kind = kind;
		this.role = role;
		this.loading = loading;
		this.single = (loading == Loading.SINGLE) ? this : new OrmCause(kind, role, Loading.SINGLE);
	}

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
		return new OrmCause(Kind.ENTITY_LOAD, entity, loading);
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
		return new OrmCause(Kind.COLLECTION_LOAD, role, loading);
	}

	/**
	 * An entity inserted, updated or deleted by a flush.
	 * @param entity the entity's simple name, or {@code null} while not known
	 * @return the cause
	 */
	public static OrmCause flush(String entity) {
		return new OrmCause(Kind.FLUSH, (entity != null) ? entity : "", Loading.SINGLE);
	}

	/**
	 * The kind of cause.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The entity or association.
	 * @return {@code Entity} or {@code Entity.association}; {@code null} for queries and
	 * JDBC
	 */
	public String role() {
		return this.role;
	}

	/**
	 * How the ORM loads it.
	 * @return one key at a time, or several keys in one statement (batch or subselect
	 * fetching, as the ORM's own mapping says)
	 */
	public Loading loading() {
		return this.loading;
	}

	/**
	 * The same cause loading one key at a time: what a statement of a batch-loadable
	 * association that loaded one key only was. Allocates nothing.
	 * @return the cause with {@link Loading#SINGLE}
	 */
	public OrmCause single() {
		return this.single;
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
	public boolean equals(Object other) {
		return this == other || (other instanceof OrmCause cause && this.kind == cause.kind
				&& this.loading == cause.loading && Objects.equals(this.role, cause.role));
	}

	@Override
	public int hashCode() {
		return (31 * this.kind.hashCode() + Objects.hashCode(this.role)) * 31 + this.loading.hashCode();
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
