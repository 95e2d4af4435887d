/**
 * The example model kind {@code example.linear}: linear regression (ridge, closed form) or logistic regression
 * (gradient descent), computed with ND4J. Small on purpose: it shows every part of a Merx plugin and is what
 * partners copy.
 */
package io.merx.example.linear;
