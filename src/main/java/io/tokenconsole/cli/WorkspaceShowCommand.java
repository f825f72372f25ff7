package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.CredentialStoreException;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.NewerWorkspaceException;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workspace show}: which workspace this command line uses and why, whether it can be used
 * (reachable, signed in, a schema this version knows), who the audit rows name, and what waits on
 * this computer for it. Exit code 1 when it cannot be used, so a script can check before it acts.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show the workspace in use and why, whether it can be reached, its schema version,",
            "where its password comes from and what waits on this computer for it. Exit code 1 when it cannot be used."})
final class WorkspaceShowCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    private final CommandContext context;

    WorkspaceShowCommand(CommandContext context) {
        this.context = context;
    }

    /** What was found, for both forms of output. */
    private record Status(WorkspaceChoice choice, DataFolder folder, boolean usable, Integer schemaVersion,
            String operator, String passwordSource, List<String> notes, int waiting, String problem, boolean reachable) {
    }

    @Override
    public Integer call() {
        WorkspaceChoice choice = workspace.choice(context);
        DataFolder folder = workspace.folder(context);
        List<String> notes = new ArrayList<>();
        String passwordSource = null;
        if (choice.location() instanceof WorkspaceLocation.Team team) {
            try {
                PostgresPasswords.Lookup lookup = WorkspaceOptions.passwords(context).lookup(team.address());
                passwordSource = lookup.found().map(PostgresPasswords.Found::source).orElse(null);
                notes.addAll(lookup.warnings());
            } catch (CredentialStoreException storeAway) {
                notes.add("The OS credential store did not answer: " + storeAway.getMessage());
            }
        }
        Status status;
        try (Workspace opened = workspace.open(context)) {
            status = new Status(choice, folder, true, opened.schemaVersion(), opened.operator().name(), passwordSource,
                    notes, pending(choice, folder), null, true);
        } catch (NewerWorkspaceException newer) {
            status = new Status(choice, folder, false, newer.foundVersion(), null, passwordSource, notes,
                    pending(choice, folder), newer.getMessage(), true);
        } catch (WorkspaceUnavailableException away) {
            status = new Status(choice, folder, false, null, null, passwordSource, notes, pending(choice, folder),
                    away.getMessage(), false);
        } catch (WorkspaceException | IllegalArgumentException | java.io.UncheckedIOException refused) {
            // Reached, but not usable: a wrong password, no such database, a file that is no workspace.
            status = new Status(choice, folder, false, null, null, passwordSource, notes, pending(choice, folder),
                    refused.getMessage(), choice.location() instanceof WorkspaceLocation.Team);
        }
        if (json) {
            printJson(status);
        } else {
            print(status);
        }
        return status.usable() ? 0 : 1;
    }

    private int pending(WorkspaceChoice choice, DataFolder folder) {
        return AuditSpool.in(folder, choice.location()).pending();
    }

    private void print(Status status) {
        boolean team = status.choice().location() instanceof WorkspaceLocation.Team;
        var out = context.out();
        out.println("Workspace:   " + status.choice().location().describe());
        out.println("Chosen by:   " + chosenBy(status.choice()));
        if (status.usable()) {
            out.println("Status:      " + (team ? "reachable, " : "") + "schema " + status.schemaVersion()
                    + " (this version writes " + Workspace.SCHEMA_VERSION + ")");
            out.println("Audit rows name: " + status.operator());
        } else {
            out.println("Status:      cannot be used: " + status.problem());
        }
        if (team) {
            out.println("Password:    " + (status.passwordSource() == null
                    ? "none found (PGPASSWORD, ~/.pgpass or 'token-console workspace password' give one)"
                    : "from " + (status.passwordSource().startsWith("$") || status.passwordSource().contains(
                            java.io.File.separator) ? "" : "the ") + status.passwordSource()));
        }
        if (status.waiting() > 0) {
            out.println("Waiting:     " + SpoolNotices.rows(status.waiting()) + " on this computer, written when the server"
                    + " is back (any workspace command writes them)");
        }
        out.println("Data folder: " + status.folder());
        for (String note : status.notes()) {
            context.err().println("Note: " + note);
        }
    }

    private static String chosenBy(WorkspaceChoice choice) {
        return switch (choice.source()) {
            case OPTION -> "--workspace";
            case VARIABLE -> "$" + WorkspaceChoice.VARIABLE;
            case SAVED -> "the saved choice ('workspace use', Settings → Workspace)";
            case DEFAULT -> "default (nothing chosen)";
        };
    }

    private void printJson(Status status) {
        ObjectNode root = StoreCommands.JSON.createObjectNode();
        WorkspaceLocation location = status.choice().location();
        root.put("workspace", location.describe());
        root.put("kind", location instanceof WorkspaceLocation.Team ? "team" : "this_computer");
        root.put("location", location instanceof WorkspaceLocation.Team team ? team.address().uri()
                : WorkspaceChoice.THIS_COMPUTER);
        root.put("chosen_by", status.choice().source().description());
        root.put("usable", status.usable());
        root.put("reachable", status.reachable());
        if (status.schemaVersion() == null) {
            root.putNull("schema_version");
        } else {
            root.put("schema_version", status.schemaVersion());
        }
        root.put("app_schema_version", Workspace.SCHEMA_VERSION);
        root.put("operator", status.operator());
        root.put("password_source", status.passwordSource());
        root.put("waiting_audit_rows", status.waiting());
        root.put("data_folder", status.folder().path().toString());
        root.put("problem", status.problem());
        root.putArray("notes").addAll(status.notes().stream().map(root::textNode).toList());
        JsonOutput.print(context.out(), root);
    }
}
