package dev.flowcost.advisor.price;

/** CPU architecture of Lambda functions and Fargate tasks: Arm (Graviton) is cheaper per unit, so it is a price key. */
public enum Architecture {
    X86("x86"), ARM("arm");

    private final String token;

    Architecture(String token) {
        this.token = token;
    }

    /** The lower-case token used in dimension names. */
    public String token() {
        return token;
    }
}
