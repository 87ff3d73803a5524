package io.github.dbperf.sample;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A form that saves a parent with its lines, two ways: mapped the costly way
 * ({@code UNBATCHED_WRITES}, {@code EXTRA_UPDATE}) and its fixed twin (one insert, one
 * JDBC batch of lines).
 */
@Controller
class WritePagesController {

	private static final int MAX_LINES = 200;

	private final DeliveryRepository deliveries;

	private final ShipmentRepository shipments;

	WritePagesController(DeliveryRepository deliveries, ShipmentRepository shipments) {
		this.deliveries = deliveries;
		this.shipments = shipments;
	}

	@GetMapping("/orders/new")
	String form() {
		return "order-form";
	}

	/** Identity ids and a unidirectional {@code @OneToMany}: 2n+1 statements. */
	@PostMapping("/deliveries")
	@ResponseBody
	Map<String, Object> saveDelivery(@RequestParam String recipient, @RequestParam(defaultValue = "20") int lines) {
		Delivery delivery = new Delivery(recipient);
		for (int i = 0; i < bounded(lines); i++) {
			delivery.getLines().add(new DeliveryLine("article " + i));
		}
		Delivery saved = this.deliveries.save(delivery);
		return Map.of("id", saved.getId(), "lines", saved.getLines().size());
	}

	/** The fix: sequence ids and a bidirectional mapping, the lines in one batch. */
	@PostMapping("/shipments")
	@ResponseBody
	Map<String, Object> saveShipment(@RequestParam String recipient, @RequestParam(defaultValue = "20") int lines) {
		Shipment shipment = new Shipment(recipient);
		for (int i = 0; i < bounded(lines); i++) {
			shipment.addLine("article " + i);
		}
		Shipment saved = this.shipments.save(shipment);
		return Map.of("id", saved.getId(), "lines", saved.getLines().size());
	}

	private static int bounded(int lines) {
		return Math.max(0, Math.min(lines, MAX_LINES));
	}

}
