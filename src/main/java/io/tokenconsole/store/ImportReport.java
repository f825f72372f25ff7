package io.tokenconsole.store;

import java.util.List;

/**
 * What an import did: good rows are kept even when others are rejected.
 *
 * @param added users new to the workspace
 * @param updated users already saved, whose details the file filled in
 * @param rejected rows that were not imported, each with its line and the reason
 */
public record ImportReport(int added, int updated, List<Rejected> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A row left out: {@code line} is where it starts in the file (1-based). */
    public record Rejected(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }
}
