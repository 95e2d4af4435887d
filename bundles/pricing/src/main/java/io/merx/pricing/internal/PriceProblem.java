package io.merx.pricing.internal;

/**
 * One optimisation, parsed and checked: which products are priced, their candidate ladders, costs and the
 * constraints that couple them.
 *
 * @param products model indices of the products being priced
 * @param ladders ascending candidate prices per product, all within its bounds
 * @param lower lowest allowed price per product
 * @param upper highest allowed price per product
 * @param costs unit cost per product (0 when the objective is revenue and none was given)
 * @param chains price-order chains as positions in {@code products}: prices must increase strictly along each
 * @param minUnits expected units per period each product must reach (inventory to clear), 0 when none
 * @param objective profit or revenue
 * @param currentPrices a price for every model product: the current prices, which also fix the products not
 *        being priced
 * @param context promotion, display and competitor conditions
 */
record PriceProblem(int[] products, double[][] ladders, double[] lower, double[] upper, double[] costs, int[][] chains,
        double[] minUnits, Objective objective, double[] currentPrices, MarketContext context) {

    int size() {
        return products.length;
    }
}
