package io.tokenconsole.cli;

import io.tokenconsole.workflow.Failures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** What the workspace commands share: one-line failures, times for people, users as JSON. */
final class StoreCommands {

    /** Builds the JSON the workspace commands print (through {@link JsonOutput}). */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter SHORT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private StoreCommands() {
    }

    /**
     * Runs a command body; a failure the workspace explains (a newer schema, a bad id, an unreadable
     * file) becomes one line on stderr and exit code 1.
     */
    static int explainFailures(CommandContext context, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (WorkspaceException | IllegalArgumentException | UncheckedIOException e) {
            context.err().println("token-console: " + Failures.describe(e));
            return 1;
        }
    }

    /**
     * Where a command's work went, when that is a team's workspace: ", in the team workspace
     * support@db.example.com:5432/tokenconsole". Nothing for the workspace on this computer, the default,
     * so what the commands print there is as it always was.
     */
    static String inTeam(WorkspaceLocation location) {
        return team(location).map(name -> ", in the team workspace " + name).orElse("");
    }

    /** The team workspace's short name (support@db.example.com:5432/tokenconsole); empty for this computer's. */
    static java.util.Optional<String> team(WorkspaceLocation location) {
        return location instanceof WorkspaceLocation.Team team
                ? java.util.Optional.of(team.address().shortForm()) : java.util.Optional.empty();
    }

    static String inTeam(Workspace workspace) {
        return inTeam(workspace.location());
    }

    static String time(Instant instant) {
        return instant == null ? "" : SHORT_TIME.format(instant);
    }

    static ObjectNode json(SavedUser user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("environment", user.environment().id());
        node.put("id", user.id());
        node.put("label", user.label());
        node.put("note", user.note());
        node.put("external_id", user.externalId());
        node.put("created_at", user.createdAt().toString());
        node.put("last_token_issued_at", user.lastTokenIssuedAt() == null ? null : user.lastTokenIssuedAt().toString());
        node.put("origin", user.origin().name());
        return node;
    }
}
