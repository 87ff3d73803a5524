package org.springframework.samples.dbperfcheck.app;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose own package starts with {@code org.springframework.}, as Spring's
 * sample applications do (PetClinic): its code is the call site all the same.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(PetClinicLikeApplication.OwnersController.class)
public class PetClinicLikeApplication {

	@RestController
	static class OwnersController {

		private final OwnerRepository owners;

		private final PetRepository pets;

		private final TransactionTemplate transactions;

		OwnersController(OwnerRepository owners, PetRepository pets, TransactionTemplate transactions) {
			this.owners = owners;
			this.pets = pets;
			this.transactions = transactions;
		}

		@GetMapping("/owners")
		List<Integer> owners() {
			if (this.owners.count() == 0) {
				for (int i = 0; i < 6; i++) {
					this.pets.save(new Pet("pet" + i, this.owners.save(new Owner("owner" + i))));
				}
			}
			return this.transactions
				.execute((status) -> this.owners.findAll().stream().map((owner) -> owner.getPets().size()).toList());
		}

	}

}
