package dev.flowcost.cli;

/** A user's input cannot be used; the message names the file and place. Maps to exit code 3. */
final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    /** With the cause the user sees only under {@code --debug}. */
    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
