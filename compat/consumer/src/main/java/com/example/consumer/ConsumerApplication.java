package com.example.consumer;

import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.zaxxer.hikari.HikariDataSource;

@SpringBootApplication
public class ConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@Bean
	ApplicationRunner seed(PetRepository pets, HikariDataSource pool) {
		// Injecting the pool by its class is something applications do.
		return (args) -> {
			pool.setMaximumPoolSize(pool.getMaximumPoolSize());
			pets.saveAll(List.of(new Pet("Leo"), new Pet("Basil"), new Pet("Rosy")));
		};
	}

	@RestController
	static class PetController {

		private final PetRepository pets;

		PetController(PetRepository pets) {
			this.pets = pets;
		}

		@GetMapping("/pets/{name}")
		int count(@PathVariable String name) {
			return this.pets.findByName(name).size();
		}

	}

}
