package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the fields of a create or update request the way Argyle does, with Argyle's wording, so
 * that support sees the same 400 locally as from the real API. Unknown fields are ignored, as
 * Argyle ignores them.
 */
final class UserFields {

    static final int LONGEST_EXTERNAL_ID = 100;
    /** How deep {@code external_metadata} may nest: anything deeper could not be written back in a list. */
    static final int DEEPEST_METADATA = 32;
    /** How long {@code external_metadata} may be, written as JSON: a page of 200 users stays a few megabytes. */
    static final int LONGEST_METADATA = 16 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().-]{5,18}[0-9]$");
    private static final List<String> TEXT_FIELDS = List.of("external_id", "first_name", "last_name", "email", "phone_number");

    /** The accepted fields, or the problems per field. */
    record Checked(Map<String, JsonNode> fields, Map<String, List<String>> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }

    private UserFields() {
    }

    static Checked check(JsonNode body) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("external_metadata")) {
                String problem = metadataProblem(value);
                if (problem != null) {
                    problem(problems, name, problem);
                    continue;
                }
                fields.put(name, value);
            } else if (TEXT_FIELDS.contains(name)) {
                if (!value.isNull() && !value.isTextual()) {
                    problem(problems, name, "Not a valid string.");
                    continue;
                }
                String text = value.isNull() ? null : value.asText();
                if (text != null) {
                    checkText(name, text, problems);
                }
                fields.put(name, value);
            }
        }
        return new Checked(fields, problems);
    }

    /**
     * Why {@code external_metadata} cannot be kept, or null. What is accepted must be written back
     * in every answer that lists the user, so depth and size are checked here, once, at the door.
     */
    private static String metadataProblem(JsonNode value) {
        if (depth(value) > DEEPEST_METADATA) {
            return "Ensure this value has no more than " + DEEPEST_METADATA + " levels of nesting.";
        }
        if (value.toString().length() > LONGEST_METADATA) {
            return "Ensure this value has no more than " + LONGEST_METADATA + " characters when written as JSON.";
        }
        return null;
    }

    /** Nesting depth without recursion, stopping as soon as it passes the limit. */
    private static int depth(JsonNode root) {
        java.util.ArrayDeque<Map.Entry<JsonNode, Integer>> pending = new java.util.ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        int deepest = 0;
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            int level = next.getValue();
            deepest = Math.max(deepest, level);
            if (deepest > DEEPEST_METADATA) {
                return deepest;
            }
            if (next.getKey().isContainerNode()) {
                next.getKey().forEach(child -> pending.push(Map.entry(child, level + 1)));
            }
        }
        return deepest;
    }

    private static void checkText(String name, String text, Map<String, List<String>> problems) {
        switch (name) {
            case "external_id" -> {
                if (text.length() > LONGEST_EXTERNAL_ID) {
                    problem(problems, name, "Ensure this field has no more than " + LONGEST_EXTERNAL_ID + " characters.");
                }
            }
            case "email" -> {
                if (text.length() > 254) {
                    problem(problems, name, "Ensure this field has no more than 254 characters.");
                } else if (!text.isEmpty() && !EMAIL.matcher(text).matches()) {
                    problem(problems, name, "Enter a valid email address.");
                }
            }
            case "phone_number" -> {
                if (text.length() > 32 || !text.isEmpty() && !PHONE.matcher(text).matches()) {
                    problem(problems, name, "Enter a valid phone number.");
                }
            }
            default -> {
                if (text.length() > 255) {
                    problem(problems, name, "Ensure this field has no more than 255 characters.");
                }
            }
        }
    }

    private static void problem(Map<String, List<String>> problems, String field, String text) {
        problems.computeIfAbsent(field, ignored -> new ArrayList<>()).add(text);
    }
}
