package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code token-console audit}: what support did, newest first, filtered. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Show the audit log, newest first.",
            "--since/--until take an instant (2026-11-25T14:00:00Z), a date (2026-11-25, UTC)",
            "or an age such as 90m, 24h, 7d (that long before now)."})
public final class AuditCommand implements Callable<Integer> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

    private final CommandContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--since", paramLabel = "WHEN", description = "From this time on (inclusive).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Before this time (exclusive).")
    String until;

    @Option(names = "--env", paramLabel = "ENV", converter = EnvironmentConverter.class,
            description = "Only this environment.")
    Environment environment;

    @Option(names = "--user", paramLabel = "UUID", description = "Only rows about this user id.")
    String user;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. token-issued.")
    String action;

    @Option(names = "--limit", defaultValue = "200", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--csv", description = "Write CSV (all matching rows, oldest first).")
    boolean csv;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    AuditCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        AuditQuery query = query();
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                if (csv) {
                    opened.audit().exportCsv(query.limit(AuditQuery.NO_LIMIT), context.out());
                    context.out().flush();
                    return 0;
                }
                List<AuditEntry> entries = opened.audit().find(query);
                if (json) {
                    printJson(entries, opened);
                } else {
                    printTable(entries);
                }
                return 0;
            }
        });
    }

    private AuditQuery query() {
        if (csv && json) {
            throw usage("Choose --csv or --json, not both");
        }
        if (limit < 1) {
            throw usage("--limit must be at least 1");
        }
        AuditAction wanted = action == null ? null : AuditAction.parse(action).orElseThrow(() -> usage(
                "'" + action + "' is not an action; use one of: " + Arrays.stream(AuditAction.values())
                        .map(AuditAction::displayName).collect(Collectors.joining(", "))));
        Instant from = since == null ? null : when("--since", since);
        Instant to = until == null ? null : when("--until", until);
        try {
            return AuditQuery.EVERYTHING.since(from).until(to).in(environment).user(user).action(wanted).limit(limit);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** An instant, a UTC date, or an age before now ({@code 24h}). */
    private Instant when(String option, String text) {
        String value = text.strip();
        Matcher age = AGE.matcher(value.toLowerCase(Locale.ROOT));
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration duration = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return context.clock().instant().minus(duration);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                try {
                    return context.clock().instant().minus(Duration.parse(value));
                } catch (DateTimeParseException notADuration) {
                    throw usage(option + " '" + text + "' is not a time: use 2026-11-25T14:00:00Z, 2026-11-25 or an age like 24h");
                }
            }
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void printTable(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            context.out().println("No audit entries match.");
            return;
        }
        AlignedTable table = new AlignedTable("AT (UTC)", "OPERATOR", "ENV", "ACTION", "USER", "TOKEN JTI", "OUTCOME", "DETAIL");
        for (AuditEntry entry : entries) {
            table.add(entry.at().toString(), entry.operator(),
                    entry.environment() == null ? "" : entry.environment().id(), entry.action().displayName(),
                    entry.userId(), entry.token() == null ? "" : entry.token().jti(), entry.outcome().code(),
                    entry.error().map(error -> error + (entry.detail() == null ? "" : "; " + entry.detail()))
                            .orElse(entry.detail()));
        }
        table.print(context.out());
    }

    private void printJson(List<AuditEntry> entries, Workspace opened) throws Exception {
        ObjectNode root = StoreCommands.JSON.createObjectNode();
        root.put("workspace", opened.location().describe());
        ArrayNode rows = root.putArray("entries");
        for (AuditEntry entry : entries) {
            ObjectNode row = rows.addObject();
            row.put("at", entry.at().toString());
            row.put("operator", entry.operator());
            row.put("environment", entry.environment() == null ? null : entry.environment().id());
            row.put("action", entry.action().displayName());
            row.put("user_id", entry.userId());
            row.put("token_jti", entry.token() == null ? null : entry.token().jti());
            row.put("token_exp", entry.token() == null || entry.token().expiresAt() == null
                    ? null : entry.token().expiresAt().toString());
            row.put("outcome", entry.outcome().code());
            row.put("error", entry.error().orElse(null));
            row.put("detail", entry.detail());
        }
        JsonOutput.print(context.out(), root);
    }
}
