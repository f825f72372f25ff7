package io.tokenconsole.store;

import java.util.Objects;

/** How an audited action ended. */
public sealed interface Outcome permits Outcome.Ok, Outcome.Failed {

    Outcome OK = new Ok();

    /** The stored and exported word: {@code ok} or {@code failed}. */
    String code();

    record Ok() implements Outcome {
        @Override
        public String code() {
            return "ok";
        }
    }

    /** @param error what went wrong, in words; tokens are removed from it before it is stored */
    record Failed(String error) implements Outcome {
        public Failed {
            Objects.requireNonNull(error, "error");
            // Error text may quote a request (an echoing server, a proxy): cut, then scrub of tokens and credentials.
            error = TokenScrubber.scrubError(Text.shortened(error, Text.MAX_NOTE));
        }

        @Override
        public String code() {
            return "failed";
        }
    }
}
