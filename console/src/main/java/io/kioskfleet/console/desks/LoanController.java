package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.loans.CheckoutRequest;
import io.kioskfleet.core.loans.LaptopLending;
import io.kioskfleet.core.loans.Loan;
import io.kioskfleet.core.loans.ReturnReceipt;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/loans}: hand a pooled laptop out, take it back, open and overdue loans, and what I borrowed. */
@RestController
@RequestMapping("/api/v1/loans")
public class LoanController {

    private final LaptopLending lending;

    public LoanController(LaptopLending lending) {
        this.lending = lending;
    }

    @GetMapping
    public List<Loan> open(Actor actor) {
        return lending.open(actor);
    }

    @GetMapping("/overdue")
    public List<Loan> overdue(Actor actor) {
        return lending.overdue(actor);
    }

    @GetMapping("/mine")
    public List<Loan> mine(Actor actor) {
        return lending.mine(actor);
    }

    @PostMapping
    public ResponseEntity<Loan> checkout(Actor actor, @RequestBody CheckoutRequest request) {
        return ResponseEntity.status(201).body(lending.checkout(actor, request));
    }

    @PostMapping("/returns")
    public ReturnReceipt giveBack(Actor actor, @RequestBody LaptopRequest laptop) {
        return lending.giveBack(actor, laptop.deviceId());
    }
}
