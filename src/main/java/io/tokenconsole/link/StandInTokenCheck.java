package io.tokenconsole.link;

import java.util.Optional;

/**
 * How the local sandbox's Link stand-in checks a user token: signed by the local sandbox, not
 * expired, and whose user it belongs to — what Argyle's Link learns from Argyle.
 */
@FunctionalInterface
public interface StandInTokenCheck {

    enum Status { VALID, EXPIRED, INVALID }

    record Verdict(Status status, Optional<String> userId) {

        public static Verdict invalid() {
            return new Verdict(Status.INVALID, Optional.empty());
        }
    }

    Verdict check(String userToken);
}
