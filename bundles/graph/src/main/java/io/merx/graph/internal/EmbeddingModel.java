package io.merx.graph.internal;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * FastRP embeddings of customers and products in one space, with what each customer bought (so recommendations
 * skip it) and product popularity (for ids the model has never seen). Owns the two ND4J matrices.
 */
final class EmbeddingModel implements AutoCloseable {

    final String[] customers;
    final String[] products;
    final String[] categories;
    final int[] popularity;
    final int[][] bought;
    final INDArray customerVectors;
    final INDArray productVectors;
    final String weights;
    private final Map<String, Integer> customerIndex = new HashMap<>();
    private final Map<String, Integer> productIndex = new HashMap<>();

    EmbeddingModel(String[] customers, String[] products, String[] categories, int[] popularity, int[][] bought,
            INDArray customerVectors, INDArray productVectors, String weights) {
        this.customers = customers;
        this.products = products;
        this.categories = categories;
        this.popularity = popularity;
        this.bought = bought;
        this.customerVectors = customerVectors;
        this.productVectors = productVectors;
        this.weights = weights;
        for (int i = 0; i < customers.length; i++) {
            customerIndex.put(customers[i], i);
        }
        for (int i = 0; i < products.length; i++) {
            productIndex.put(products[i], i);
        }
    }

    Integer customer(String id) {
        return customerIndex.get(id);
    }

    Integer product(String id) {
        return productIndex.get(id);
    }

    int dimension() {
        return (int) productVectors.columns();
    }

    long nativeBytes() {
        return (customerVectors.length() + productVectors.length()) * customerVectors.dataType().width();
    }

    @Override
    public void close() {
        customerVectors.close();
        productVectors.close();
    }
}
