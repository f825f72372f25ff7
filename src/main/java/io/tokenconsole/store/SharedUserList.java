package io.tokenconsole.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved users as a file a team can share: CSV for spreadsheets, JSON for scripts. Export writes
 * every field; import keeps the good rows, reports each bad one by line, and marks what it adds as
 * {@link UserOrigin#IMPORTED} (this console did not create them).
 */
public final class SharedUserList {

    /** The two file formats. */
    public enum Format {
        CSV, JSON;

        /** By file extension: {@code .json} is JSON, {@code .csv} is CSV, anything else is unknown. */
        public static Optional<Format> fromFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return Optional.of(JSON);
            }
            if (lower.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            return Optional.empty();
        }
    }

    static final List<String> COLUMNS = List.of(
            "environment", "id", "label", "note", "external_id", "created_at", "last_token_issued_at", "origin");
    static final String JSON_KIND = "token-console/saved-users";

    /** The longest file an import reads: some 150,000 users, far more than a team shares. */
    static final int LONGEST_FILE = 32 * 1024 * 1024;
    /** The longest cell or JSON string: four times the longest note. */
    static final int LONGEST_CELL = 4 * Text.MAX_NOTE;
    /** How many rows one transaction saves: other writers (the window) get their turn between batches. */
    static final int BATCH = 500;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(LONGEST_CELL)
                    .maxNestingDepth(32)
                    .maxDocumentLength(LONGEST_FILE)
                    .build())
            .build());

    private final Workspace workspace;

    public SharedUserList(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    // --- export -----------------------------------------------------------------------------------

    /** Writes the saved users of one environment, or of all ({@code null}); returns how many. */
    public int export(Environment environmentOrAll, Format format, Writer out) {
        Objects.requireNonNull(format, "format");
        int[] count = {0};
        try {
            if (format == Format.CSV) {
                Csv.writeRow(out, COLUMNS);
                workspace.users().forEach(environmentOrAll, user -> {
                    Csv.writeRow(out, cells(user));
                    count[0]++;
                });
            } else {
                JsonGenerator json = new JsonFactory().createGenerator(out);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("kind", JSON_KIND);
                json.writeNumberField("version", 1);
                json.writeArrayFieldStart("users");
                workspace.users().forEach(environmentOrAll, user -> {
                    writeJson(json, user);
                    count[0]++;
                });
                json.writeEndArray();
                json.writeEndObject();
                json.flush();
                out.write(System.lineSeparator());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
        }
        workspace.audit().record(AuditEvent.ok(environmentOrAll, AuditAction.USERS_EXPORTED, null)
                .withDetail(count[0] + " exported as " + format.name().toLowerCase(Locale.ROOT)));
        return count[0];
    }

    private static List<String> cells(SavedUser user) {
        return List.of(user.environment().id(), user.id(), orEmpty(user.label()), orEmpty(user.note()),
                orEmpty(user.externalId()), user.createdAt().toString(),
                user.lastTokenIssuedAt() == null ? "" : user.lastTokenIssuedAt().toString(), user.origin().name());
    }

    private static void writeJson(JsonGenerator json, SavedUser user) {
        try {
            json.writeStartObject();
            json.writeStringField("environment", user.environment().id());
            json.writeStringField("id", user.id());
            writeOptional(json, "label", user.label());
            writeOptional(json, "note", user.note());
            writeOptional(json, "external_id", user.externalId());
            json.writeStringField("created_at", user.createdAt().toString());
            writeOptional(json, "last_token_issued_at",
                    user.lastTokenIssuedAt() == null ? null : user.lastTokenIssuedAt().toString());
            json.writeStringField("origin", user.origin().name());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOptional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // --- import -----------------------------------------------------------------------------------

    /**
     * Reads users from a file and saves the good ones in one transaction. A row without an
     * environment takes {@code defaultEnvironment}; with neither it is rejected. Details in the file
     * fill in or replace what is saved; empty cells keep what is there.
     *
     * @param source a name for the audit row, such as the file name
     */
    public ImportReport importFrom(Reader in, Format format, Environment defaultEnvironment, String source) {
        Objects.requireNonNull(format, "format");
        List<Candidate> candidates = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Instant now = workspace.clock().instant();
        if (format == Format.CSV) {
            readCsv(in, defaultEnvironment, now, candidates, rejected);
        } else {
            readJson(in, defaultEnvironment, now, candidates, rejected);
        }
        int[] counts = {0, 0};
        int parts = Math.max(1, (candidates.size() + BATCH - 1) / BATCH);
        for (int part = 0; part < parts; part++) {
            List<Candidate> batch = candidates.subList(part * BATCH, Math.min(candidates.size(), (part + 1) * BATCH));
            int rejectedBefore = rejected.size();
            try {
                saveBatch(batch, part, parts, defaultEnvironment, source, rejected.size(), candidates.isEmpty(), counts);
            } catch (WorkspaceException failed) {
                // All or report: every row from this batch on is reported as not saved, with the reason.
                for (Candidate unsaved : candidates.subList(part * BATCH, candidates.size())) {
                    rejected.add(new ImportReport.Rejected(unsaved.line(), "not saved: " + failed.getMessage()));
                }
                recordFailure(defaultEnvironment, source, rejected.size() - rejectedBefore, failed);
                break;
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::line));
        return new ImportReport(counts[0], counts[1], rejected);
    }

    /**
     * One transaction: a batch of rows and the audit row that names them. A process killed during an
     * import leaves whole batches, each with its audit row saying which lines it saved, and nothing
     * of the batch it was in.
     */
    private void saveBatch(List<Candidate> batch, int part, int parts, Environment defaultEnvironment, String source,
            int rejectedCount, boolean nothingToSave, int[] counts) {
        workspace.write(connection -> {
            int added = 0;
            int updated = 0;
            for (Candidate candidate : batch) {
                SaveResult result = workspace.users().upsert(connection, candidate.user(), UserDetails.NONE);
                if (result.added()) {
                    added++;
                } else {
                    updated++;
                }
            }
            boolean last = part == parts - 1;
            String detail = (parts == 1 ? "" : "part " + (part + 1) + " of " + parts + ", lines "
                    + batch.get(0).line() + "–" + batch.get(batch.size() - 1).line() + ": ")
                    + added + " added, " + updated + " updated"
                    + (last ? ", " + rejectedCount + " rejected" : "")
                    + (source == null ? "" : " from " + source);
            Outcome outcome = nothingToSave && rejectedCount > 0 ? new Outcome.Failed("no row could be imported") : Outcome.OK;
            workspace.audit().append(connection,
                    new AuditEvent(defaultEnvironment, AuditAction.USERS_IMPORTED, null, null, outcome, detail));
            counts[0] += added;
            counts[1] += updated;
            return null;
        });
    }

    private void recordFailure(Environment environment, String source, int unsaved, WorkspaceException failed) {
        try {
            workspace.audit().record(new AuditEvent(environment, AuditAction.USERS_IMPORTED, null, null,
                    new Outcome.Failed(failed.getMessage()), unsaved + " rows not saved" + (source == null ? "" : " from " + source)));
        } catch (WorkspaceException stillFailing) {
            // The report lists every unsaved row; the workspace cannot take the note now.
        }
    }

    private record Candidate(int line, SavedUser user) {
    }

    private static void readCsv(Reader in, Environment defaultEnvironment, Instant now,
            List<Candidate> candidates, List<ImportReport.Rejected> rejected) {
        Csv.Reader reader = Csv.reader(in, LONGEST_FILE, LONGEST_CELL, COLUMNS.size() * 4);
        Map<String, Integer> header = null;
        try {
            Csv.Row row;
            while ((row = nextCsvRow(reader, rejected)) != null) {
                if (header == null) {
                    header = headerOf(row);
                    if (!header.containsKey("id")) {
                        rejected.add(new ImportReport.Rejected(row.line(),
                                "the first row must name the columns (at least 'id'; also " + String.join(", ", COLUMNS) + ")"));
                        return;
                    }
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.entrySet()) {
                    if (column.getValue() < row.cells().size()) {
                        fields.put(column.getKey(), Csv.unguard(row.cells().get(column.getValue())));
                    }
                }
                if (row.cells().size() > header.size()) {
                    rejected.add(new ImportReport.Rejected(row.line(), "has " + row.cells().size()
                            + " cells but the header names " + header.size() + " columns"));
                    continue;
                }
                accept(row.line(), fields, defaultEnvironment, now, candidates, rejected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The next row; a malformed one is reported and reading stops, since the rest cannot be trusted. */
    private static Csv.Row nextCsvRow(Csv.Reader reader, List<ImportReport.Rejected> rejected) throws IOException {
        try {
            return reader.next();
        } catch (Csv.MalformedException e) {
            rejected.add(new ImportReport.Rejected(e.line, e.getMessage() + "; nothing after it was read"));
            return null;
        }
    }

    private static Map<String, Integer> headerOf(Csv.Row row) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cells().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte order mark left by a spreadsheet
            }
            if (COLUMNS.contains(name)) {
                header.putIfAbsent(name, i);
            }
        }
        return header;
    }

    private static void readJson(Reader in, Environment defaultEnvironment, Instant now,
            List<Candidate> candidates, List<ImportReport.Rejected> rejected) {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                // {"kind": ..., "users": [...]}: skip to the users array.
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_OBJECT && token != null) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("users".equals(field) && parser.currentToken() == JsonToken.START_ARRAY) {
                        readJsonArray(parser, defaultEnvironment, now, candidates, rejected);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else if (first == JsonToken.START_ARRAY) {
                readJsonArray(parser, defaultEnvironment, now, candidates, rejected);
            } else {
                rejected.add(new ImportReport.Rejected(1, "expected a JSON array of users or an object with \"users\""));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            rejected.add(new ImportReport.Rejected(line, "not valid JSON (" + e.getOriginalMessage()
                    + "); nothing after it was read"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file: " + e.getMessage(), e);
        }
    }

    private static void readJsonArray(JsonParser parser, Environment defaultEnvironment, Instant now,
            List<Candidate> candidates, List<ImportReport.Rejected> rejected) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode node = JSON.readTree(parser);
            if (!node.isObject()) {
                rejected.add(new ImportReport.Rejected(line, "expected an object with at least \"id\""));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            String notText = null;
            for (String column : COLUMNS) {
                JsonNode value = node.get(column);
                if (value != null && !value.isNull()) {
                    if (!value.isValueNode()) {
                        notText = notText == null ? column : notText;
                    } else {
                        fields.put(column, value.asText());
                    }
                }
            }
            if (notText != null) {
                rejected.add(new ImportReport.Rejected(line, notText + " must be text, not a list or object"));
                continue;
            }
            accept(line, fields, defaultEnvironment, now, candidates, rejected);
        }
    }

    /** Checks one row's fields and either keeps it as a candidate or rejects it with the reason. */
    private static void accept(int line, Map<String, String> fields, Environment defaultEnvironment, Instant now,
            List<Candidate> candidates, List<ImportReport.Rejected> rejected) {
        try {
            for (String column : COLUMNS) {
                String value = fields.get(column);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    // SQLite's C strings would cut the text at the NUL: refuse it rather than keep half.
                    throw new IllegalArgumentException(column + " holds a NUL character (\\u0000), which cannot be saved");
                }
            }
            String environmentText = Text.blankToNull(fields.get("environment"));
            Environment environment;
            if (environmentText == null) {
                if (defaultEnvironment == null) {
                    throw new IllegalArgumentException("no environment (add an environment column or pass --env)");
                }
                environment = defaultEnvironment;
            } else {
                environment = Environment.fromId(environmentText).orElseThrow(() -> new IllegalArgumentException(
                        "unknown environment '" + environmentText + "' (local, sandbox or production)"));
            }
            Instant createdAt = instant(fields, "created_at").orElse(now);
            Instant lastToken = instant(fields, "last_token_issued_at").orElse(null);
            SavedUser user = new SavedUser(environment, fields.get("id"), fields.get("label"), fields.get("note"),
                    fields.get("external_id"), createdAt, lastToken, UserOrigin.IMPORTED);
            candidates.add(new Candidate(line, user));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            rejected.add(new ImportReport.Rejected(line, e.getMessage()));
        }
    }

    private static Optional<Instant> instant(Map<String, String> fields, String name) {
        String text = Text.blankToNull(fields.get(name));
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not an ISO-8601 instant such as 2026-11-25T14:03:00Z");
        }
    }
}
