package io.github.dbperf.orm;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.UnitOfWork;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Learns from Hibernate's own events why each statement runs: listeners placed first and
 * last around Hibernate's load, collection-initialisation and flush listeners mark the
 * calling thread while they run (entity load of {@code Author}, collection load of
 * {@code Author.books}, flush of {@code Book}), and post-load events count the entities a
 * unit of work loads. Registered through {@code META-INF/services} as a Hibernate
 * {@link Integrator}: it costs nothing and loads nothing without Hibernate. It adds its
 * listeners only to a session factory whose settings say {@link #ENABLED} (dbperf's
 * auto-configuration sets it on the entity manager factories of a context it monitors),
 * so a factory of an application or context without dbperf runs none of them. Holds no
 * state; what it marks is the thread's own.
 */
public final class HibernateCauses implements Integrator {

	/** The Hibernate setting that turns the listeners on for one session factory. */
	public static final String ENABLED = "dbperf.orm.causes";

	/** A flush before it knows which entity it writes. */
	private static final OrmCause FLUSH = OrmCause.flush(null);

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		ConfigurationService configuration = sessionFactory.getServiceRegistry().getService(ConfigurationService.class);
		if (configuration == null || !"true".equals(String.valueOf(configuration.getSettings().get(ENABLED)))) {
			return;
		}
		EventListenerRegistry registry = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
		if (registry == null) {
			return;
		}
		Causes causes = new Causes(sessionFactory);
		Begins begins = new Begins(causes);
		Ends ends = new Ends(causes);
		registry.prependListeners(EventType.INIT_COLLECTION, begins);
		registry.appendListeners(EventType.INIT_COLLECTION, ends);
		registry.prependListeners(EventType.LOAD, begins);
		registry.appendListeners(EventType.LOAD, ends);
		registry.prependListeners(EventType.FLUSH, begins);
		registry.appendListeners(EventType.FLUSH, ends);
		registry.prependListeners(EventType.AUTO_FLUSH, begins);
		registry.appendListeners(EventType.AUTO_FLUSH, ends);
		Write write = new Write(causes);
		registry.appendListeners(EventType.PRE_INSERT, write);
		registry.appendListeners(EventType.PRE_UPDATE, write);
		registry.appendListeners(EventType.PRE_DELETE, write);
		registry.appendListeners(EventType.POST_LOAD, new EntityCount());
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
	}

	static String simpleName(String entityName) {
		return (entityName != null) ? entityName.substring(entityName.lastIndexOf('.') + 1) : "";
	}

	/**
	 * The role {@code Author.books} of a Hibernate role {@code com.example.Author.books}.
	 */
	static String simpleRole(String role, String ownerEntityName) {
		if (role == null) {
			return "";
		}
		if (ownerEntityName != null && role.startsWith(ownerEntityName + ".")) {
			return simpleName(ownerEntityName) + role.substring(ownerEntityName.length());
		}
		int property = role.lastIndexOf('.');
		int entity = (property > 0) ? role.lastIndexOf('.', property - 1) : -1;
		return role.substring(entity + 1);
	}

	/**
	 * Runs first: marks the thread with what Hibernate is about to do.
	 */
	private static final class Begins extends Marks {

		Begins(Causes causes) {
			super(causes, true);
		}

	}

	/**
	 * Runs last: Hibernate has done it (Hibernate refuses two listeners of one class in a
	 * group, so the end is a class of its own).
	 */
	private static final class Ends extends Marks {

		Ends(Causes causes) {
			super(causes, false);
		}

	}

	private abstract static class Marks implements InitializeCollectionEventListener, LoadEventListener,
			FlushEventListener, AutoFlushEventListener {

		private final Causes causes;

		private final boolean begins;

		Marks(Causes causes, boolean begins) {
			this.causes = causes;
			this.begins = begins;
		}

		@Override
		public void onInitializeCollection(InitializeCollectionEvent event) throws HibernateException {
			mark(this.causes.collectionLoads.of(event.getCollection().getRole(), event.getAffectedOwnerEntityName()),
					this.begins);
		}

		@Override
		public void onLoad(LoadEvent event, LoadType loadType) throws HibernateException {
			mark(this.causes.entityLoads.of(event.getEntityClassName(), null), this.begins);
		}

		@Override
		public void onFlush(FlushEvent event) throws HibernateException {
			markFlush(this.begins);
		}

		@Override
		public void onAutoFlush(AutoFlushEvent event) throws HibernateException {
			// Before every query in a transaction: the cause is looked up once, not per
			// event.
			markFlush(this.begins);
		}

	}

	/**
	 * Just before Hibernate writes an entity: the flush now writes this entity (a write
	 * outside any flush, such as an identity insert on persist, is marked until the
	 * repository call or unit of work ends).
	 */
	private static final class Write implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener {

		private final CausesByName flushes;

		Write(Causes causes) {
			this.flushes = causes.flushes;
		}

		@Override
		public boolean onPreInsert(PreInsertEvent event) {
			writes(event.getPersister().getEntityName());
			return false;
		}

		@Override
		public boolean onPreUpdate(PreUpdateEvent event) {
			writes(event.getPersister().getEntityName());
			return false;
		}

		@Override
		public boolean onPreDelete(PreDeleteEvent event) {
			writes(event.getPersister().getEntityName());
			return false;
		}

		private void writes(String entityName) {
			CallContext context = Attribution.current();
			OrmCause cause = this.flushes.of(entityName, null);
			OrmCause current = context.ormCause();
			if (current != null && current.kind() == OrmCause.Kind.FLUSH) {
				context.refineCause(cause);
			}
			else {
				context.beginCause(cause);
			}
		}

	}

	private static final class EntityCount implements PostLoadEventListener {

		@Override
		public void onPostLoad(PostLoadEvent event) {
			UnitOfWork unit = Attribution.current().unit();
			if (unit != null) {
				unit.entityLoaded();
			}
		}

	}

	/**
	 * The causes of one session factory, with how its persisters load each entity and
	 * collection (batch or subselect fetching, learnt from the persister on the first
	 * event of each name, when the metamodel is complete).
	 */
	private static final class Causes {

		final CausesByName entityLoads;

		final CausesByName collectionLoads;

		final CausesByName flushes = new CausesByName((entityName, owner) -> OrmCause.flush(simpleName(entityName)));

		Causes(SessionFactoryImplementor factory) {
			this.entityLoads = new CausesByName((entityName, owner) -> OrmCause.entityLoad(simpleName(entityName),
					entityLoading(factory, entityName)));
			this.collectionLoads = new CausesByName((role, owner) -> OrmCause.collectionLoad(simpleRole(role, owner),
					collectionLoading(factory, role)));
		}

		private static OrmCause.Loading entityLoading(SessionFactoryImplementor factory, String entityName) {
			try {
				EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(entityName);
				return (persister.getBatchSize() > 1) ? OrmCause.Loading.BATCH : OrmCause.Loading.SINGLE;
			}
			catch (RuntimeException | LinkageError ex) {
				return OrmCause.Loading.SINGLE;
			}
		}

		private static OrmCause.Loading collectionLoading(SessionFactoryImplementor factory, String role) {
			try {
				CollectionPersister persister = factory.getMappingMetamodel().getCollectionDescriptor(role);
				if (isSubselectLoadable(persister)) {
					return OrmCause.Loading.SUBSELECT;
				}
				return (persister.getBatchSize() > 1) ? OrmCause.Loading.BATCH : OrmCause.Loading.SINGLE;
			}
			catch (RuntimeException | LinkageError ex) {
				return OrmCause.Loading.SINGLE;
			}
		}

		private static boolean isSubselectLoadable(CollectionPersister persister) {
			try {
				return persister.isSubselectLoadable();
			}
			catch (LinkageError ex) {
				// A Hibernate whose persisters do not say it.
				return false;
			}
		}

	}

	/**
	 * Causes by Hibernate's own names (and the owner entity a role was shortened
	 * against), so that the simple names are computed once per name, not once per event.
	 */
	private static final class CausesByName {

		/** Names come from the metamodel, a closed set; the bound is a safety net. */
		private static final int MAX_NAMES = 2048;

		private final BiFunction<String, String, OrmCause> cause;

		private final ConcurrentHashMap<String, Named> causes = new ConcurrentHashMap<>();

		CausesByName(BiFunction<String, String, OrmCause> cause) {
			this.cause = cause;
		}

		/**
		 * The cause of an event that names nothing (its role is empty whatever the
		 * owner).
		 */
		private volatile OrmCause unnamed;

		OrmCause of(String name, String owner) {
			if (name == null) {
				OrmCause unnamed = this.unnamed;
				if (unnamed == null) {
					unnamed = this.cause.apply(null, owner);
					this.unnamed = unnamed;
				}
				return unnamed;
			}
			Named named = this.causes.get(name);
			if (named == null || !Objects.equals(named.owner(), owner)) {
				named = new Named(owner, this.cause.apply(name, owner));
				if (this.causes.size() < MAX_NAMES) {
					this.causes.put(name, named);
				}
			}
			return named.cause();
		}

		private record Named(String owner, OrmCause cause) {

		}

	}

	/**
	 * A flush begins or ends. It ends by kind: the writes it made have refined its cause
	 * ({@code flush Book}), so the instance it began with is no longer on the stack.
	 */
	private static void markFlush(boolean begins) {
		if (begins) {
			Attribution.current().beginCause(FLUSH);
		}
		else {
			Attribution.current().endCause(OrmCause.Kind.FLUSH);
		}
	}

	private static void mark(OrmCause cause, boolean begins) {
		CallContext context = Attribution.current();
		if (begins) {
			context.beginCause(cause);
		}
		else {
			context.endCause(cause);
		}
	}

}
