package io.merx.risk.transaction;

/**
 * What the velocity and first-use features ask of the past: a query at time t sees only orders strictly before t.
 * The training snapshot ({@link OrderHistory}) answers alone at training time; at scoring time it answers together
 * with what happened since ({@link LiveOrderMemory}).
 */
interface OrderMemory {

    /** Orders with this identifier in {@code [t - window, t)}; 0 for a null identifier. */
    int count(int type, String value, long t, long window);

    /** Orders of the account before t. */
    int accountOrdersBefore(String account, long t);

    /**
     * Whether the account placed an order before t whose card, device, address and e-mail are known, so that "new
     * card for this account" means something. Purchase events count as orders but carry no identifiers.
     */
    boolean identifiedOrdersBefore(String account, long t);

    /** Whether the account had not used this identifier before t (true for a new account too; false for null). */
    boolean firstUseBy(String account, int type, String value, long t);
}
