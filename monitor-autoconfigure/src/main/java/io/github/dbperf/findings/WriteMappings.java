package io.github.dbperf.findings;

import java.util.Locale;
import java.util.Set;

import io.github.dbperf.attribution.AssociationMapping;
import org.jspecify.annotations.Nullable;

/**
 * What the write-path detector needs of the ORM's mappings: the entity a table holds and
 * how its writes batch, and the collections whose writes have a known signature. Names
 * are compared in lower case.
 */
public interface WriteMappings {

	/** No ORM: nothing is known. */
	WriteMappings NONE = new WriteMappings() {

		@Override
		public @Nullable WrittenTable table(String table) {
			return null;
		}

		@Override
		public @Nullable AssociationMapping foreignKeyOf(String table, Set<String> columns) {
			return null;
		}

		@Override
		public @Nullable AssociationMapping bagIn(String table, Set<String> keyColumns) {
			return null;
		}

	};

	/**
	 * A table's or column's name as statements and mappings are compared:
	 * {@code "public"."Book"} is {@code book}.
	 * @param name the name as written
	 * @return the last part, without quotes, in lower case
	 */
	static String plain(String name) {
		String last = name.substring(name.lastIndexOf('.') + 1);
		StringBuilder plain = new StringBuilder(last.length());
		for (int i = 0; i < last.length(); i++) {
			char c = last.charAt(i);
			if (c != '"' && c != '`' && c != '[' && c != ']') {
				plain.append(c);
			}
		}
		return plain.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * What the ORM keeps in a table: an entity, or the rows of a collection.
	 * @param table the table as the statement names it, without schema or quotes
	 * @return what it holds, or {@code null} when the ORM maps nothing to it
	 */
	@Nullable WrittenTable table(String table);

	/**
	 * The unidirectional {@code @OneToMany} with {@code @JoinColumn} whose foreign key is
	 * these columns of this table: an update that sets only them is the collection's.
	 * @param table the child's table
	 * @param columns the columns an update sets
	 * @return the association, or {@code null}
	 */
	@Nullable AssociationMapping foreignKeyOf(String table, Set<String> columns);

	/**
	 * The bag collection (a {@code List} without an order column) kept in this table and
	 * keyed by these columns: a delete by them alone removes the whole collection.
	 * @param table the collection's table
	 * @param keyColumns the columns a delete's condition names
	 * @return the association, or {@code null}
	 */
	@Nullable AssociationMapping bagIn(String table, Set<String> keyColumns);

	/**
	 * What a table holds and what decides whether its writes are batched.
	 *
	 * @param name the entity's simple name ({@code Book}) or the collection's role
	 * ({@code Author.genres})
	 * @param identityIds whether the entity's ids come from an identity column
	 * @param sequences whether the database has sequences
	 * @param jdbcBatchSize the session factory's JDBC batch size (1 or less: off)
	 * @param orderInserts whether inserts are ordered by table
	 * @param orderUpdates whether updates are ordered by table
	 */
	record WrittenTable(String name, boolean identityIds, boolean sequences, int jdbcBatchSize, boolean orderInserts,
			boolean orderUpdates) {

	}

}
