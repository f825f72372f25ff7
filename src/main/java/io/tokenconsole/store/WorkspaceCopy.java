package io.tokenconsole.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies saved users and the audit log from one workspace into another — a personal workspace into the
 * team's, say — idempotently: copying again adds nothing. Users keep their origin and times; one already
 * saved in the target gets the source's details the way an import fills them in. Audit rows keep their id,
 * time and operator, so a row that is already there (copied before) is not written twice. The target's log
 * gets one {@link AuditAction#WORKSPACE_COPIED} row when the copy changed anything.
 */
public final class WorkspaceCopy {

    /** What a copy did. */
    public record CopyReport(int usersAdded, int usersUpdated, int usersSame, int auditCopied, int auditAlreadyThere) {

        /** For the command's output: "3 users added, 1 updated, 0 unchanged; 42 audit rows copied, 0 already there". */
        public String summary() {
            return usersAdded + " users added, " + usersUpdated + " updated, " + usersSame + " unchanged; "
                    + auditCopied + " audit rows copied, " + auditAlreadyThere + " already there";
        }

        boolean changedAnything() {
            return usersAdded + usersUpdated + auditCopied > 0;
        }
    }

    enum UserOutcome { ADDED, UPDATED, SAME }

    private static final int BATCH = 200;

    private WorkspaceCopy() {
    }

    /**
     * Copies everything from {@code from} into {@code to}, in batches of {@value #BATCH} per transaction: a copy
     * cut short keeps whole batches, and running it again finishes it.
     */
    public static CopyReport copy(Workspace from, Workspace to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.sameDatabaseAs(to)) {
            throw new IllegalArgumentException("A workspace cannot be copied into itself (" + to.location().describe() + ")");
        }
        List<SavedUser> users = new ArrayList<>();
        from.users().forEach(null, users::add);
        int[] outcomes = new int[UserOutcome.values().length];
        for (int start = 0; start < users.size(); start += BATCH) {
            List<SavedUser> batch = users.subList(start, Math.min(users.size(), start + BATCH));
            to.write(connection -> {
                for (SavedUser user : batch) {
                    outcomes[to.users().copy(connection, user).ordinal()]++;
                }
                return null;
            });
        }
        int[] audit = new int[2];
        List<AuditEntry> pending = new ArrayList<>();
        Runnable flush = () -> {
            int written = to.audit().restoreAll(pending);
            audit[0] += written;
            audit[1] += pending.size() - written;
            pending.clear();
        };
        from.audit().forEach(entry -> {
            pending.add(entry);
            if (pending.size() == BATCH) {
                flush.run();
            }
        });
        flush.run();
        CopyReport report = new CopyReport(outcomes[UserOutcome.ADDED.ordinal()], outcomes[UserOutcome.UPDATED.ordinal()],
                outcomes[UserOutcome.SAME.ordinal()], audit[0], audit[1]);
        if (report.changedAnything()) {
            to.audit().record(AuditEvent.ok(null, AuditAction.WORKSPACE_COPIED, null)
                    .withDetail(report.summary() + " from " + from.location().describe()));
        }
        return report;
    }
}
