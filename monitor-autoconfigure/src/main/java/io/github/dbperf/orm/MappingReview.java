package io.github.dbperf.orm;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads what an entity manager factory's mappings will cost: its associations as mapped
 * (JPA annotations on the attribute, Hibernate's persisters for what is in effect) and
 * its id generators. Reads the metamodel only: no statement, no class scanning.
 */
public final class MappingReview {

	private MappingReview() {
	}

	/**
	 * Review the mappings of a factory.
	 * @param factory the entity manager factory
	 * @return what its mappings will cost, by entity and attribute
	 */
	public static List<MappingFinding> of(EntityManagerFactory factory) {
		SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
		MappingMetamodel metamodel = sessionFactory.getMappingMetamodel();
		boolean sequences = SettingsReview.supportsSequences(sessionFactory);
		List<MappingFinding> findings = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
			EntityPersister persister = persister(metamodel, entity);
			for (Attribute<?, ?> attribute : entity.getAttributes()) {
				// An attribute an entity inherits is reviewed once, on the type that
				// declares it.
				String owner = attribute.getDeclaringType().getJavaType().getSimpleName();
				if (seen.add(owner + "." + attribute.getName())) {
					review(owner, attribute, metamodel, persister, findings);
				}
			}
			if (persister != null && persister.getEntityName().equals(persister.getRootEntityName())) {
				reviewIds(entity.getJavaType().getSimpleName(), persister, sequences, findings);
			}
		}
		return findings;
	}

	private static EntityPersister persister(MappingMetamodel metamodel, EntityType<?> entity) {
		try {
			return metamodel.getEntityDescriptor(entity.getJavaType());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void review(String owner, Attribute<?, ?> attribute, MappingMetamodel metamodel,
			EntityPersister persister, List<MappingFinding> findings) {
		Member member = attribute.getJavaMember();
		if (!(member instanceof AnnotatedElement annotated)) {
			return;
		}
		String name = attribute.getName();
		String role = owner + "." + name;
		OneToMany oneToMany = annotated.getAnnotation(OneToMany.class);
		ManyToMany manyToMany = annotated.getAnnotation(ManyToMany.class);
		ElementCollection elements = annotated.getAnnotation(ElementCollection.class);
		ManyToOne manyToOne = annotated.getAnnotation(ManyToOne.class);
		OneToOne oneToOne = annotated.getAnnotation(OneToOne.class);
		String collection = annotationOf(oneToMany, manyToMany, elements);
		if (!collection.isEmpty() && HibernateMappings.fetchType(annotated, true) == FetchType.EAGER) {
			findings
				.add(new MappingFinding(MappingKind.EAGER_COLLECTION, owner, name, null,
						"Every " + owner + " loaded loads its " + name
								+ " too, whether the code reads them or not: one more statement per " + owner
								+ " a query returns, and no query can make it lazy again.",
						List.of("Map it lazy: " + collection + "(fetch = FetchType.LAZY)",
								"Then fetch it where it is read: @EntityGraph(attributePaths = \"" + name
										+ "\") on the repository method, or join fetch " + role + " in its query"),
						false));
		}
		if (oneToMany != null && oneToMany.mappedBy().isEmpty()) {
			String target = targetName(metamodel, persister, attribute);
			if (annotated.isAnnotationPresent(JoinColumn.class) || annotated.isAnnotationPresent(JoinColumns.class)) {
				findings.add(new MappingFinding(MappingKind.UNIDIRECTIONAL_ONE_TO_MANY, owner, name, null,
						"Unidirectional @OneToMany with @JoinColumn: Hibernate inserts each " + target
								+ " without its foreign key, then runs an update per " + target
								+ " to set it (and one per " + target + " removed).",
						List.of("Map the other side and let it own the foreign key: @ManyToOne(fetch = LAZY) "
								+ "@JoinColumn on " + target + ", and @OneToMany(mappedBy = \"...\") on " + role,
								"Or, when a " + target + " never changes owner, @JoinColumn(nullable = false, "
										+ "updatable = false) on " + role
										+ ", so that the foreign key is part of the insert"),
						false));
			}
			else {
				findings.add(new MappingFinding(MappingKind.ONE_TO_MANY_JOIN_TABLE, owner, name, null,
						"Unidirectional @OneToMany without @JoinColumn: Hibernate keeps the relation in a join "
								+ "table, an extra table with an extra row to insert, delete and join for every "
								+ target + ".",
						List.of("Map the other side and let it own the foreign key: @ManyToOne(fetch = LAZY) on "
								+ target + ", and @OneToMany(mappedBy = \"...\") on " + role),
						false));
			}
		}
		if (manyToMany != null && manyToMany.mappedBy().isEmpty() && isBag(metamodel, persister, attribute)) {
			findings.add(new MappingFinding(MappingKind.MANY_TO_MANY_LIST, owner, name, null,
					"@ManyToMany mapped as a List without an order column is a bag: removing one element deletes "
							+ "every row of the collection from the join table and inserts the others again.",
					List.of("Map it as a Set (with equals and hashCode on the element's id or natural key)"), false));
		}
		if (oneToOne != null && !oneToOne.mappedBy().isEmpty() && !enhancedForLazyLoading(persister)) {
			findings.add(new MappingFinding(MappingKind.ONE_TO_ONE_PARENT_SIDE, owner, name, null,
					"The mappedBy side of a @OneToOne cannot be lazy without bytecode enhancement: Hibernate must "
							+ "look for the other row to know whether it exists, so it loads it with every " + owner
							+ ", even with fetch = LAZY.",
					List.of("Share the primary key: @MapsId on the other side's @OneToOne, drop " + role
							+ ", and load it by the " + owner + "'s id when it is needed",
							"Or turn on Hibernate's bytecode enhancement with lazy initialization"),
					false));
		}
		else if ((manyToOne != null && manyToOne.fetch() == FetchType.EAGER)
				|| (oneToOne != null && oneToOne.fetch() == FetchType.EAGER)) {
			String annotation = (manyToOne != null) ? "@ManyToOne" : "@OneToOne";
			findings
				.add(new MappingFinding(MappingKind.EAGER_TO_ONE, owner, name, null,
						annotation + " is EAGER unless it says otherwise: every query that returns " + owner
								+ " rows loads their " + name + " too, with a join or with one more statement per row.",
						List.of("Map it lazy: " + annotation + "(fetch = FetchType.LAZY)",
								"Then fetch it where it is read: @EntityGraph(attributePaths = \"" + name
										+ "\") on the repository method, or join fetch " + role + " in its query"),
						false));
		}
	}

	private static void reviewIds(String entity, EntityPersister persister, boolean sequences,
			List<MappingFinding> findings) {
		Generator generator;
		try {
			generator = persister.getGenerator();
		}
		catch (RuntimeException | LinkageError ex) {
			return;
		}
		if (generator instanceof IdentityGenerator && sequences) {
			findings.add(new MappingFinding(MappingKind.IDENTITY_IDS, entity, null, null,
					"Ids from an identity column: Hibernate must send each insert of " + entity
							+ " on its own to read the id back, so JDBC batching never applies to them.",
					List.of("Use a sequence: @GeneratedValue(strategy = GenerationType.SEQUENCE) with "
							+ "@SequenceGenerator(allocationSize = 50) and a sequence that increments by 50"),
					false));
		}
		else if (generator instanceof SequenceStyleGenerator sequence && sequence.getOptimizer() != null
				&& sequence.getOptimizer().getIncrementSize() <= 1) {
			findings.add(new MappingFinding(MappingKind.SEQUENCE_ALLOCATION_ONE, entity, null, null,
					"A sequence with allocationSize = 1: Hibernate asks the database for the next value before "
							+ "every insert of " + entity + ", one more round trip per row.",
					List.of("@SequenceGenerator(allocationSize = 50) with the sequence altered to increment by 50 "
							+ "(Hibernate's pooled optimizer then calls it once per 50 inserts)"),
					false));
		}
	}

	/**
	 * The first of these annotations as written ({@code @OneToMany}), or an empty string.
	 */
	private static String annotationOf(Annotation... annotations) {
		for (Annotation annotation : annotations) {
			if (annotation != null) {
				return "@" + annotation.annotationType().getSimpleName();
			}
		}
		return "";
	}

	private static String targetName(MappingMetamodel metamodel, EntityPersister persister, Attribute<?, ?> attribute) {
		CollectionPersister collection = collectionPersister(metamodel, persister, attribute);
		if (collection != null) {
			return collection.getElementType().getReturnedClass().getSimpleName();
		}
		return "child";
	}

	private static boolean isBag(MappingMetamodel metamodel, EntityPersister persister, Attribute<?, ?> attribute) {
		Class<?> container = attribute.getJavaType();
		if (!List.class.isAssignableFrom(container) && !java.util.Collection.class.equals(container)) {
			return false;
		}
		CollectionPersister collection = collectionPersister(metamodel, persister, attribute);
		try {
			return collection != null && !collection.hasIndex();
		}
		catch (LinkageError ex) {
			return false;
		}
	}

	/**
	 * The persister of a collection: its role is named after the entity that declares it,
	 * or after the entity that inherits it from a mapped superclass.
	 */
	private static CollectionPersister collectionPersister(MappingMetamodel metamodel, EntityPersister persister,
			Attribute<?, ?> attribute) {
		for (String owner : new String[] { attribute.getDeclaringType().getJavaType().getName(),
				(persister != null) ? persister.getEntityName() : null }) {
			if (owner != null) {
				try {
					return metamodel.getCollectionDescriptor(owner + "." + attribute.getName());
				}
				catch (RuntimeException ex) {
					// Not this owner's role.
				}
			}
		}
		return null;
	}

	private static boolean enhancedForLazyLoading(EntityPersister persister) {
		try {
			return persister != null && persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
