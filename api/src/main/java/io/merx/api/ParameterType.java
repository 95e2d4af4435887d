package io.merx.api;

/** The type of one hyper-parameter. */
public enum ParameterType {
    INTEGER, REAL, BOOLEAN, STRING, CHOICE
}
