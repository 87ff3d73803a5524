package io.github.dbperf.findings;

import java.util.List;
import java.util.Locale;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.RepositorySignature;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.format.Formatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision table of {@link Suggestions}, from the model of the query alone (the
 * metamodel answers are given here; {@code AdviceAppliedTests} proves the same on real
 * engines by applying the advice).
 */
class SuggestionsTests {

	private static final AssociationMapping PETS = new AssociationMapping("Owner.pets", "Owner", "pets", "Pet", true,
			"LAZY", 1, true, Owner.class);

	private static final AssociationMapping TOYS = new AssociationMapping("Pet.toys", "Pet", "toys", "Toy", true,
			"LAZY", 1, true, Pet.class);

	private static final AssociationMapping OWNER = new AssociationMapping("Pet.owner", "Pet", "owner", "Owner", false,
			"EAGER", 1, false, Pet.class);

	@Test
	void aCollectionUnderADeclaredUnpagedLoaderGetsAnEntityGraphWithThePathFromItsEntity() throws Exception {
		List<String> fixes = Suggestions.forLoads(PETS, loader("findByName", String.class), 12, model("pets", PETS));
		assertThat(fixes.get(0)).isEqualTo("Fetch Owner.pets with the rows that OwnerRepository.findByName(String) "
				+ "loads: annotate that method in OwnerRepository with @EntityGraph(attributePaths = \"pets\")");
		assertThat(fixes.get(1)).isEqualTo(
				"Or write the query with a join fetch: select distinct o from Owner o left " + "join fetch o.pets");
	}

	@Test
	void aJoinFetchHibernateDoesNotCompileIsNotShown() throws Exception {
		AssociationMappings refusing = new Model("pets", List.of(PETS), false);
		List<String> fixes = Suggestions.forLoads(PETS, loader("findByName", String.class), 12, refusing);
		assertThat(String.join("\n", fixes)).doesNotContain("join fetch");
	}

	@Test
	void aCollectionUnderAPagingLoaderIsNeverFetchedWithIt() throws Exception {
		List<String> fixes = Suggestions.forLoads(PETS, loader("findByName", String.class, Pageable.class), 5,
				model("pets", PETS));
		assertThat(fixes.get(0)).startsWith("OwnerRepository.findByName(String, Pageable) pages its rows")
			.contains("@BatchSize(size = 10) on Owner.pets");
		assertThat(String.join("\n", fixes)).doesNotContain("annotate that method").doesNotContain("join fetch");
	}

	@Test
	void topInADerivedNamePagesToo() throws Exception {
		List<String> fixes = Suggestions.forLoads(PETS, loader("findTop50ByOrderByIdAsc"), 50, model("pets", PETS));
		assertThat(fixes.get(0)).startsWith("OwnerRepository.findTop50ByOrderByIdAsc() pages its rows")
			.contains("@BatchSize(size = 50) on Owner.pets");
	}

	@Test
	void aToOneUnderAPagingLoaderCanBeFetchedWithIt() throws Exception {
		RepositoryMethod pets = new RepositoryMethod("PetRepository", "findAll", new RepositorySignature(
				PetRepository.class, Pet.class, JpaRepository.class.getMethod("findAll", Pageable.class)));
		List<String> fixes = Suggestions.forLoads(OWNER, pets, 20, model("owner", OWNER));
		assertThat(fixes.get(0)).contains("it is inherited, so declare it in PetRepository with the graph: "
				+ "@EntityGraph(attributePaths = \"owner\") Page<Pet> findAll(Pageable pageable);");
		assertThat(fixes)
			.anySatisfy((fix) -> assertThat(fix).startsWith("The root cause is the mapping: Pet.owner " + "is EAGER")
				.contains("@ManyToOne(fetch = FetchType.LAZY)"));
	}

	@Test
	void twoBagsAreNeverFetchedTogether() throws Exception {
		List<String> fixes = Suggestions.forLoads(TOYS, loader("findByName", String.class), 12,
				new Model("pets.toys", List.of(PETS, TOYS), true));
		assertThat(fixes.get(0)).startsWith("Load Pet.toys in batches, @BatchSize(size = 12) on Pet.toys")
			.contains("MultipleBagFetchException");
		assertThat(String.join("\n", fixes)).doesNotContain("@EntityGraph");
	}

	@Test
	void withoutAPathTheAdviceIsWordsNotCode() throws Exception {
		List<String> fixes = Suggestions.forLoads(PETS, loader("findByName", String.class), 12,
				new Model(null, List.of(), true));
		assertThat(fixes.get(0)).isEqualTo("Fetch Owner.pets with the query that loads the Owner rows (an entity graph "
				+ "or a join fetch from that query's entity)");
	}

	@Test
	void tooSmallABatchGetsASizeThatCoversTheParentsItServed() {
		AssociationMapping batched = new AssociationMapping("Author.books", "Author", "books", "Book", true, "LAZY", 4,
				true, Owner.class);
		List<String> fixes = Suggestions.forSmallBatches("Author.books", batched, 13);
		assertThat(fixes.get(0)).isEqualTo("Batch fetching works here, with batches of 4 for about 49 to 52 parents: "
				+ "raise the batch size to cover the parents of one request, @BatchSize(size = 52) on Author.books (or "
				+ "spring.jpa.properties.hibernate.default_batch_fetch_size=52)");
		AssociationMapping entity = new AssociationMapping("Book.author", "Book", "author", "Author", false, "LAZY", 16,
				false, Pet.class);
		assertThat(Suggestions.forSmallBatches("Author", entity, 40).get(0))
			.contains("batches of 16 for about 625 to 640 parents")
			.contains("@BatchSize(size = 100) on the Author entity");
		assertThat(Suggestions.forSmallBatches("Author.books", null, 12).get(0))
			.isEqualTo("Batch fetching works here, with batches too small for the parents of one request: raise the "
					+ "batch size of Author.books");
	}

	@Test
	void aConverterInALoopOfValuesGetsOneQueryForAllOfThem() {
		String callSite = NameFormatter.class.getName() + ".print(SuggestionsTests.java:200)";
		assertThat(Suggestions.forQueries(callSite, 30)).singleElement()
			.satisfies((fix) -> assertThat(fix).contains("it is a Formatter")
				.contains("(30 in one request)")
				.endsWith("load the values of the whole page with one query (an IN list) before it renders, and let "
						+ "the Formatter read them from there"));
		assertThat(Suggestions.forQueries("com.example.Service.run(Service.java:3)", 30).get(0))
			.isEqualTo("Load the rows in one statement (a query with an IN list or a join) instead of one per "
					+ "iteration of the loop at com.example.Service.run(Service.java:3)");
	}

	@Test
	void aLazyToOneWithoutBatchingAlsoGetsBatchSizeOnTheEntity() throws Exception {
		AssociationMapping lazy = new AssociationMapping("Pet.owner", "Pet", "owner", "Owner", false, "LAZY", 1, false,
				Pet.class);
		List<String> fixes = Suggestions.forLoads(lazy, RepositoryMethod.NONE, 3, model("owner", lazy));
		assertThat(fixes).containsExactly(
				"Fetch Pet.owner with the query that loads the Pet rows (an entity graph or a join fetch from that "
						+ "query's entity)",
				"Or load them in batches: @BatchSize(size = 10) on the Owner entity",
				"Or for every association: spring.jpa.properties.hibernate.default_batch_fetch_size=10");
	}

	@Test
	void aFormatterHasNoLoopToHoist() {
		String callSite = NameFormatter.class.getName() + ".print(SuggestionsTests.java:200)";
		List<String> duplicates = Suggestions.forDuplicates(callSite, 7);
		assertThat(duplicates.get(0)).startsWith("There is no loop in " + callSite + ": it is a Formatter")
			.contains("(7 in one request)")
			.contains("@RequestScope");
		assertThat(String.join("\n", duplicates).toLowerCase(Locale.ROOT)).doesNotContain("hoist");
		assertThat(Suggestions.forDuplicates("com.example.Service.run(Service.java:3)", 7).get(0))
			.startsWith("Hoist the call out of the loop");
	}

	private static RepositoryMethod loader(String name, Class<?>... parameters) throws NoSuchMethodException {
		return new RepositoryMethod("OwnerRepository", name, new RepositorySignature(OwnerRepository.class, Owner.class,
				OwnerRepository.class.getMethod(name, parameters)));
	}

	private static AssociationMappings model(String path, AssociationMapping... steps) {
		return new Model(path, List.of(steps), true);
	}

	/** The metamodel's answers for one association. */
	private record Model(String path, List<AssociationMapping> steps, boolean compiles) implements AssociationMappings {

		@Override
		public List<AssociationMapping> of(OrmCause cause) {
			return List.of();
		}

		@Override
		public String path(Class<?> root, AssociationMapping mapping) {
			return this.path;
		}

		@Override
		public List<AssociationMapping> along(Class<?> root, String path) {
			return this.steps;
		}

		@Override
		public boolean compiles(String query) {
			return this.compiles;
		}

	}

	static class Owner {

	}

	static class Pet {

	}

	interface OwnerRepository extends JpaRepository<Owner, Long> {

		List<Owner> findByName(String name);

		Page<Owner> findByName(String name, Pageable pageable);

		List<Owner> findTop50ByOrderByIdAsc();

	}

	interface PetRepository extends JpaRepository<Pet, Long> {

	}

	static class NameFormatter implements Formatter<String> {

		@Override
		public String print(String object, Locale locale) {
			return object;
		}

		@Override
		public String parse(String text, Locale locale) {
			return text;
		}

	}

}
