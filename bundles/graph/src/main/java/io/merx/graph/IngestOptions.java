package io.merx.graph;

import java.util.Objects;

/**
 * How to read a {@link io.merx.api.Dataset} into the graph: which graph (a name that keeps tenants or data
 * sets apart inside one database), which column holds what, and how many rows go into one transaction. Only
 * the graph name is required; columns default to snake_case names and are skipped when absent from the data,
 * except that an order line needs order, customer and product, and an identifier row needs the customer.
 *
 * <pre>{@code
 * IngestOptions options = IngestOptions.builder("superstore")
 *         .orderColumn("Order ID").customerColumn("Customer ID").productColumn("Product ID")
 *         .categoryColumn("Sub-Category").dateColumn("Order Date")
 *         .build();
 * }</pre>
 *
 * @param graph name of the graph, stored as property {@code graph} on every node
 * @param orderColumn order id column (default {@code order_id})
 * @param customerColumn customer (account) id column (default {@code customer_id})
 * @param productColumn product id column (default {@code product_id})
 * @param categoryColumn product category column (default {@code category})
 * @param quantityColumn quantity column (default {@code quantity})
 * @param dateColumn order date column, ISO {@code yyyy-MM-dd...} or epoch days (default {@code order_date})
 * @param sessionColumn session id column (default {@code session_id})
 * @param fraudColumn known-fraud flag of the account, 0/1 or true/false (default {@code fraud})
 * @param batchSize rows per transaction
 */
public record IngestOptions(String graph, String orderColumn, String customerColumn, String productColumn,
        String categoryColumn, String quantityColumn, String dateColumn, String sessionColumn, String fraudColumn,
        int batchSize) {

    /** Identifier columns that link accounts, read when present: {@code device, address, card, ip, email, phone}. */
    public static final java.util.List<String> IDENTIFIER_COLUMNS =
            java.util.List.of("device", "address", "card", "ip", "email", "phone");

    public IngestOptions {
        if (graph == null || graph.isBlank()) {
            throw new IllegalArgumentException("graph name must not be empty");
        }
        Objects.requireNonNull(orderColumn, "orderColumn");
        Objects.requireNonNull(customerColumn, "customerColumn");
        Objects.requireNonNull(productColumn, "productColumn");
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 100000, got " + batchSize);
        }
    }

    /** Starts options for the named graph. */
    public static Builder builder(String graph) {
        return new Builder(graph);
    }

    /** Collects options; every setter is optional. */
    public static final class Builder {
        private final String graph;
        private String order = "order_id";
        private String customer = "customer_id";
        private String product = "product_id";
        private String category = "category";
        private String quantity = "quantity";
        private String date = "order_date";
        private String session = "session_id";
        private String fraud = "fraud";
        private int batchSize = 2_000;

        private Builder(String graph) {
            this.graph = graph;
        }

        public Builder orderColumn(String name) {
            this.order = name;
            return this;
        }

        public Builder customerColumn(String name) {
            this.customer = name;
            return this;
        }

        public Builder productColumn(String name) {
            this.product = name;
            return this;
        }

        public Builder categoryColumn(String name) {
            this.category = name;
            return this;
        }

        public Builder quantityColumn(String name) {
            this.quantity = name;
            return this;
        }

        public Builder dateColumn(String name) {
            this.date = name;
            return this;
        }

        public Builder sessionColumn(String name) {
            this.session = name;
            return this;
        }

        public Builder fraudColumn(String name) {
            this.fraud = name;
            return this;
        }

        public Builder batchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        public IngestOptions build() {
            return new IngestOptions(graph, order, customer, product, category, quantity, date, session, fraud,
                    batchSize);
        }
    }
}
