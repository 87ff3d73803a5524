package io.github.dbperf.orm;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.findings.WriteMappings;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.metamodel.CollectionClassification;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * One application context's Hibernate mappings as the write path sees them: the entity or
 * collection each table holds, the settings that decide batching, the foreign keys of
 * unidirectional {@code @OneToMany} associations and the join tables of bags. Read from
 * the persisters once, on the first write that asks.
 */
public final class HibernateWriteMappings implements WriteMappings {

	private final Supplier<EntityManagerFactory> entityManagerFactory;

	private volatile Tables tables;

	/**
	 * Create the write mappings of a context.
	 * @param entityManagerFactory its entity manager factory, asked for on first use
	 */
	public HibernateWriteMappings(Supplier<EntityManagerFactory> entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public @Nullable WrittenTable table(String table) {
		return read().tables().get(table);
	}

	@Override
	public @Nullable AssociationMapping foreignKeyOf(String table, Set<String> columns) {
		Keyed keyed = read().foreignKeys().get(table);
		return (keyed != null && !columns.isEmpty() && keyed.columns().equals(columns)) ? keyed.mapping() : null;
	}

	@Override
	public @Nullable AssociationMapping bagIn(String table, Set<String> keyColumns) {
		Keyed keyed = read().bags().get(table);
		return (keyed != null && keyed.columns().equals(keyColumns)) ? keyed.mapping() : null;
	}

	private Tables read() {
		Tables tables = this.tables;
		if (tables == null) {
			EntityManagerFactory factory = this.entityManagerFactory.get();
			tables = (factory != null) ? Tables.of(factory.unwrap(SessionFactoryImplementor.class))
					: new Tables(Map.of(), Map.of(), Map.of());
			this.tables = tables;
		}
		return tables;
	}

	/**
	 * A collection and the columns that key it in its table.
	 */
	private record Keyed(AssociationMapping mapping, Set<String> columns) {

	}

	private record Tables(Map<String, WrittenTable> tables, Map<String, Keyed> foreignKeys, Map<String, Keyed> bags) {

		static Tables of(SessionFactoryImplementor sessionFactory) {
			SessionFactoryOptions options = sessionFactory.getSessionFactoryOptions();
			boolean sequences = SettingsReview.supportsSequences(sessionFactory);
			int batchSize = SettingsReview.jdbcBatchSize(sessionFactory);
			boolean orderInserts = options.isOrderInsertsEnabled();
			boolean orderUpdates = options.isOrderUpdatesEnabled();
			Map<String, WrittenTable> tables = new HashMap<>();
			Map<String, Keyed> foreignKeys = new HashMap<>();
			Map<String, Keyed> bags = new HashMap<>();
			MappingMetamodel metamodel = sessionFactory.getMappingMetamodel();
			// Root entities first: a table shared by a hierarchy is its root's.
			for (boolean roots : new boolean[] { true, false }) {
				metamodel.forEachEntityDescriptor((persister) -> {
					if (persister.getEntityName().equals(persister.getRootEntityName()) == roots
							&& persister instanceof AbstractEntityPersister entity) {
						WrittenTable written = new WrittenTable(HibernateCauses.simpleName(persister.getEntityName()),
								identityIds(persister), sequences, batchSize, orderInserts, orderUpdates);
						for (String table : entity.getTableNames()) {
							tables.putIfAbsent(WriteMappings.plain(table), written);
						}
					}
				});
			}
			metamodel.forEachCollectionDescriptor((persister) -> {
				try {
					collection(persister, tables, foreignKeys, bags, sequences, batchSize, orderInserts, orderUpdates);
				}
				catch (RuntimeException | LinkageError ex) {
					// A collection Hibernate maps in a way not read here: no write
					// finding
					// names it.
				}
			});
			return new Tables(Map.copyOf(tables), Map.copyOf(foreignKeys), Map.copyOf(bags));
		}

		private static void collection(CollectionPersister persister, Map<String, WrittenTable> tables,
				Map<String, Keyed> foreignKeys, Map<String, Keyed> bags, boolean sequences, int batchSize,
				boolean orderInserts, boolean orderUpdates) {
			PluralAttributeMapping attribute = persister.getAttributeMapping();
			ForeignKeyDescriptor key = attribute.getKeyDescriptor();
			String table = WriteMappings.plain(key.getKeyTable());
			Set<String> columns = new LinkedHashSet<>();
			key.getKeyPart()
				.forEachSelectable(
						(index, selectable) -> columns.add(WriteMappings.plain(selectable.getSelectionExpression())));
			String ownerEntity = persister.getOwnerEntityPersister().getEntityName();
			String role = HibernateCauses.simpleRole(persister.getRole(), ownerEntity);
			String owner = HibernateCauses.simpleName(ownerEntity);
			String target = persister.getElementType().getReturnedClass().getSimpleName();
			boolean bag = persister.getCollectionSemantics()
				.getCollectionClassification() == CollectionClassification.BAG;
			String fetch = (attribute.getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE) ? "EAGER" : "LAZY";
			AssociationMapping mapping = new AssociationMapping(role, owner, role.substring(role.lastIndexOf('.') + 1),
					target, true, fetch, Math.max(1, persister.getBatchSize()), bag, null);
			if (persister.isInverse()) {
				return;
			}
			if (persister.isOneToMany()) {
				foreignKeys.put(table, new Keyed(mapping, Set.copyOf(columns)));
			}
			else {
				tables.putIfAbsent(table,
						new WrittenTable(role, false, sequences, batchSize, orderInserts, orderUpdates));
				if (bag) {
					bags.put(table, new Keyed(mapping, Set.copyOf(columns)));
				}
			}
		}

		private static boolean identityIds(EntityPersister persister) {
			try {
				return persister.getGenerator() instanceof IdentityGenerator;
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}

	}

}
