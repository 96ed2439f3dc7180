package dev.flowcost.core.asl;

/** The language a definition or state uses for paths and expressions (ASL {@code QueryLanguage}). */
public enum QueryLanguage {
    JSONPATH, JSONATA
}
