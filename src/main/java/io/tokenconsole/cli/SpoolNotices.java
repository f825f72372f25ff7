package io.tokenconsole.cli;

import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.WorkspaceLocation;

/** What a command says on standard error about recordings that waited on this computer for the team workspace. */
final class SpoolNotices {

    private SpoolNotices() {
    }

    /** After a flush: what was written, and why anything still waits. Silent when nothing waited. */
    static void flushed(CommandContext context, AuditSpool.FlushReport report, WorkspaceLocation location) {
        if (report.written() > 0) {
            context.err().println(rows(report.written()) + " that waited on this computer "
                    + (report.written() == 1 ? "is" : "are") + " now in the workspace " + location.describe() + ".");
        }
        if (report.waiting() > 0) {
            context.err().println(rows(report.waiting()) + " still " + (report.waiting() == 1 ? "waits" : "wait")
                    + " on this computer for " + location.describe() + ": " + String.join(" ", report.problems()));
        }
    }

    static String rows(int count) {
        return count == 1 ? "1 audit row" : count + " audit rows";
    }
}
