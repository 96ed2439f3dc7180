package dev.flowcost.cli;

/** How a command prints its result: for people (text) or for machines (json). */
public enum OutputFormat {
    text, json
}
