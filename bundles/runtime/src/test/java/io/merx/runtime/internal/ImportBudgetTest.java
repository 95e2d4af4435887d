package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ImportBudgetTest {

    @Test
    void concurrentImportsShareOneLimitAndGiveBackWhatTheyHeld() throws Exception {
        ImportBudget budget = new ImportBudget(100);
        ImportBudget.Lease first = budget.lease();
        first.reserve(60);
        try (ImportBudget.Lease second = budget.lease()) {
            IOException e = assertThrows(IOException.class, () -> second.reserve(60));
            assertTrue(e.getMessage().contains("more than the 40 bytes left"), e.getMessage());
            second.reserve(40);
        }
        first.close();
        try (ImportBudget.Lease third = budget.lease()) {
            third.reserve(100);
        }
    }
}
