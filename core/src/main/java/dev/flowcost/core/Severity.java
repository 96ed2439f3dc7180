package dev.flowcost.core;

/** How much a diagnostic matters: an ERROR makes an input unusable, a WARNING is worth a look, INFO records an assumption. */
public enum Severity {
    ERROR, WARNING, INFO
}
