package io.github.dbperf.orm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;

/**
 * Attribute paths through the JPA metamodel, as
 * {@code @EntityGraph(attributePaths = ...)} and join fetches name them: found from the
 * entity a query loads to an association, and walked back step by step, so that every
 * path dbperf suggests resolves.
 */
final class AttributePaths {

	/** Associations a suggested path may cross: deeper graphs are no one-line fix. */
	private static final int MAX_DEPTH = 3;

	private AttributePaths() {
	}

	/**
	 * The shortest path from a root entity to an attribute of another.
	 * @param metamodel the metamodel
	 * @param root the entity a query loads
	 * @param owner the entity that declares the attribute
	 * @param attribute the attribute's name
	 * @return {@code pets.visits}, or {@code null} when there is none or two of the same
	 * length
	 */
	static String of(Metamodel metamodel, Class<?> root, Class<?> owner, String attribute) {
		Map<Class<?>, String> paths = new HashMap<>();
		Set<Class<?>> twice = new HashSet<>();
		Deque<Class<?>> queue = new ArrayDeque<>();
		paths.put(root, "");
		queue.add(root);
		String found = null;
		int foundDepth = -1;
		while (!queue.isEmpty()) {
			Class<?> type = queue.poll();
			String path = paths.get(type);
			int depth = path.isEmpty() ? 0 : path.split("\\.").length;
			if (foundDepth >= 0 && depth > foundDepth) {
				break;
			}
			if (owner.isAssignableFrom(type) && hasAttribute(metamodel, type, attribute)) {
				if (twice.contains(type)) {
					// Reached by two paths of the same length: which one the loop took is
					// not known.
					return null;
				}
				String candidate = path.isEmpty() ? attribute : path + "." + attribute;
				if (found != null && !found.equals(candidate)) {
					return null;
				}
				found = candidate;
				foundDepth = depth;
				continue;
			}
			if (depth >= MAX_DEPTH - 1) {
				continue;
			}
			EntityType<?> entity = entity(metamodel, type);
			if (entity == null) {
				continue;
			}
			for (Attribute<?, ?> next : entity.getAttributes()) {
				Class<?> target = targetOf(next);
				if (target == null || entity(metamodel, target) == null) {
					continue;
				}
				String nextPath = path.isEmpty() ? next.getName() : path + "." + next.getName();
				String known = paths.get(target);
				if (known == null) {
					paths.put(target, nextPath);
					queue.add(target);
				}
				else if (!known.isEmpty() && known.split("\\.").length == depth + 1 && !known.equals(nextPath)) {
					twice.add(target);
				}
			}
		}
		return found;
	}

	/**
	 * The roles a path crosses from a root entity, each named after the entity walked
	 * ({@code Owner.pets}, {@code Pet.visits}), as the mappings name them, also for an
	 * attribute a superclass declares.
	 * @param metamodel the metamodel
	 * @param root the entity the path starts at
	 * @param path the path
	 * @return one role per step, empty when a step does not resolve
	 */
	static List<String> roles(Metamodel metamodel, Class<?> root, String path) {
		List<String> roles = new ArrayList<>();
		Class<?> type = root;
		for (String name : path.split("\\.")) {
			EntityType<?> entity = entity(metamodel, type);
			if (entity == null || !hasAttribute(metamodel, type, name)) {
				return List.of();
			}
			roles.add(type.getSimpleName() + "." + name);
			type = targetOf(entity.getAttribute(name));
		}
		return roles;
	}

	private static boolean hasAttribute(Metamodel metamodel, Class<?> type, String name) {
		EntityType<?> entity = entity(metamodel, type);
		if (entity == null) {
			return false;
		}
		try {
			return entity.getAttribute(name).isAssociation() || entity.getAttribute(name)
				.getPersistentAttributeType() == Attribute.PersistentAttributeType.ELEMENT_COLLECTION;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Class<?> targetOf(Attribute<?, ?> attribute) {
		if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
			return plural.getElementType().getJavaType();
		}
		return attribute.isAssociation() ? attribute.getJavaType() : null;
	}

	private static EntityType<?> entity(Metamodel metamodel, Class<?> type) {
		if (type == null) {
			return null;
		}
		try {
			ManagedType<?> managed = metamodel.managedType(type);
			return (managed instanceof EntityType<?> entity) ? entity : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
