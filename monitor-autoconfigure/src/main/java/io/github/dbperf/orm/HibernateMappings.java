package io.github.dbperf.orm;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.OrmCause;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * One application context's Hibernate mappings of associations: fetch type as mapped (JPA
 * annotations, or JPA's defaults) and the batch size Hibernate really uses (its
 * persisters, so {@code @BatchSize} and {@code hibernate.default_batch_fetch_size} both
 * count). Read from the metamodel once, on the first finding that asks.
 */
public final class HibernateMappings implements AssociationMappings {

	private final Supplier<EntityManagerFactory> entityManagerFactory;

	private volatile Mappings mappings;

	/**
	 * Queries compiled for suggestions: one per finding shape, bounded as a safety net.
	 */
	private static final int MAX_COMPILED = 256;

	private final Map<String, Boolean> compiled = new ConcurrentHashMap<>();

	/**
	 * Create the mappings of a context.
	 * @param entityManagerFactory its entity manager factory, asked for on first use
	 */
	public HibernateMappings(Supplier<EntityManagerFactory> entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public List<AssociationMapping> of(OrmCause cause) {
		if (cause == null || !cause.isLoad()) {
			return List.of();
		}
		return read().byCause().getOrDefault(cause.single(), List.of());
	}

	private Mappings read() {
		Mappings mappings = this.mappings;
		if (mappings == null) {
			mappings = Mappings.of(this.entityManagerFactory.get());
			this.mappings = mappings;
		}
		return mappings;
	}

	@Override
	public String path(Class<?> root, AssociationMapping mapping) {
		EntityManagerFactory factory = this.entityManagerFactory.get();
		if (factory == null || mapping.ownerType() == null) {
			return null;
		}
		return AttributePaths.of(factory.getMetamodel(), root, mapping.ownerType(), mapping.attribute());
	}

	@Override
	public List<AssociationMapping> along(Class<?> root, String path) {
		EntityManagerFactory factory = this.entityManagerFactory.get();
		if (factory == null || path == null) {
			return List.of();
		}
		Map<String, AssociationMapping> byRole = read().byRole();
		List<AssociationMapping> steps = new ArrayList<>();
		for (String role : AttributePaths.roles(factory.getMetamodel(), root, path)) {
			AssociationMapping step = byRole.get(role);
			if (step == null) {
				return List.of();
			}
			steps.add(step);
		}
		return steps;
	}

	@Override
	public boolean compiles(String query) {
		Boolean known = this.compiled.get(query);
		if (known != null) {
			return known;
		}
		boolean compiles = false;
		EntityManagerFactory factory = this.entityManagerFactory.get();
		if (factory != null) {
			EntityManager entityManager = factory.createEntityManager();
			try {
				// Hibernate parses and checks the query against the metamodel here; it
				// runs nothing.
				entityManager.createQuery(query);
				compiles = true;
			}
			catch (RuntimeException ex) {
				compiles = false;
			}
			finally {
				entityManager.close();
			}
		}
		if (this.compiled.size() < MAX_COMPILED) {
			this.compiled.put(query, compiles);
		}
		return compiles;
	}

	/**
	 * The mappings read once: by the cause of their loads, and by role.
	 */
	private record Mappings(Map<OrmCause, List<AssociationMapping>> byCause, Map<String, AssociationMapping> byRole) {

		static Mappings of(EntityManagerFactory factory) {
			Map<OrmCause, List<AssociationMapping>> byCause = new ConcurrentHashMap<>();
			Map<String, AssociationMapping> byRole = new HashMap<>();
			if (factory == null) {
				return new Mappings(byCause, byRole);
			}
			SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
			MappingMetamodel metamodel = sessionFactory.getMappingMetamodel();
			for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
				for (Attribute<?, ?> attribute : entity.getAttributes()) {
					if (!attribute.isAssociation() && attribute
						.getPersistentAttributeType() != Attribute.PersistentAttributeType.ELEMENT_COLLECTION) {
						continue;
					}
					AssociationMapping mapping = mapping(entity, attribute, metamodel);
					if (mapping == null) {
						continue;
					}
					OrmCause cause = mapping.collection() ? OrmCause.collectionLoad(mapping.role())
							: OrmCause.entityLoad(mapping.target());
					byCause.computeIfAbsent(cause, (key) -> new ArrayList<>()).add(mapping);
					byRole.put(mapping.role(), mapping);
				}
			}
			return new Mappings(byCause, Map.copyOf(byRole));
		}

	}

	private static AssociationMapping mapping(EntityType<?> entity, Attribute<?, ?> attribute,
			MappingMetamodel metamodel) {
		String owner = entity.getJavaType().getSimpleName();
		String role = owner + "." + attribute.getName();
		boolean collection = attribute.isCollection();
		Member member = attribute.getJavaMember();
		AnnotatedElement annotated = (member instanceof AnnotatedElement element) ? element : null;
		String fetch = fetchType(annotated, collection).name();
		try {
			if (collection) {
				CollectionPersister persister = metamodel
					.getCollectionDescriptor(entity.getJavaType().getName() + "." + attribute.getName());
				String target = persister.getElementType().getReturnedClass().getSimpleName();
				Class<?> container = attribute.getJavaType();
				boolean bag = !Set.class.isAssignableFrom(container) && !Map.class.isAssignableFrom(container)
						&& !hasIndex(persister);
				return new AssociationMapping(role, owner, attribute.getName(), target, true, fetch,
						Math.max(1, persister.getBatchSize()), bag, entity.getJavaType());
			}
			Class<?> targetType = attribute.getJavaType();
			EntityPersister target = metamodel.getEntityDescriptor(targetType.getName());
			return new AssociationMapping(role, owner, attribute.getName(), targetType.getSimpleName(), false, fetch,
					Math.max(1, target.getBatchSize()), false, entity.getJavaType());
		}
		catch (RuntimeException ex) {
			// An entity name that differs from its class name, an embeddable: not worth a
			// failure.
			return null;
		}
	}

	/** Whether a List keeps an order column (then it is no bag). */
	private static boolean hasIndex(CollectionPersister persister) {
		try {
			return persister.hasIndex();
		}
		catch (LinkageError ex) {
			// A Hibernate whose persisters do not say it: taken as a bag, which only
			// makes advice more careful.
			return false;
		}
	}

	/**
	 * The fetch type an association attribute is mapped with: its annotation's, or JPA's
	 * default (LAZY for collections, EAGER for to-one).
	 */
	static FetchType fetchType(AnnotatedElement element, boolean collection) {
		if (element != null) {
			for (Annotation annotation : element.getAnnotations()) {
				if (annotation instanceof OneToMany oneToMany) {
					return oneToMany.fetch();
				}
				if (annotation instanceof ManyToMany manyToMany) {
					return manyToMany.fetch();
				}
				if (annotation instanceof ElementCollection elements) {
					return elements.fetch();
				}
				if (annotation instanceof ManyToOne manyToOne) {
					return manyToOne.fetch();
				}
				if (annotation instanceof OneToOne oneToOne) {
					return oneToOne.fetch();
				}
			}
		}
		return collection ? FetchType.LAZY : FetchType.EAGER;
	}

}
