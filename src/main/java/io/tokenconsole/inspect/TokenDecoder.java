package io.tokenconsole.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * Takes a compact JWT apart without judging it. Strict where a token is unreadable (each such
 * case is a classified {@link InspectionError}), lenient where the model tools give up on a
 * readable token: standard base64 characters, padding, and invalid UTF-8 bytes in the payload.
 */
final class TokenDecoder {

    private final ObjectMapper json;

    TokenDecoder(ObjectMapper json) {
        this.json = json;
    }

    /** Thrown inside the decoder only; {@link TokenInspector} turns it into a failed inspection. */
    static final class NotDecodable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient InspectionError error;

        NotDecodable(ErrorCode code, String message) {
            super(message, null, false, false);
            this.error = InspectionError.of(code, message);
        }

        InspectionError error() {
            return error;
        }
    }

    DecodedToken decode(String candidate) throws NotDecodable {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length == 5) {
            throw new NotDecodable(ErrorCode.ENCRYPTED_JWE,
                    "This is an encrypted token (JWE: five parts). Only the holder of the decryption key can read it; "
                            + "Argyle user tokens are signed JWTs with three parts.");
        }
        if (parts.length != 3) {
            throw new NotDecodable(ErrorCode.NOT_A_JWT, notAJwtMessage(parts.length));
        }
        List<String> notes = new ArrayList<>();
        String header = normalise("header", parts[0], notes);
        String payload = normalise("payload", parts[1], notes);
        String signature = normalise("signature", parts[2], notes);
        if (header.isEmpty()) {
            throw new NotDecodable(ErrorCode.NOT_A_JWT, "The header part (before the first dot) is empty.");
        }
        if (payload.isEmpty()) {
            throw new NotDecodable(ErrorCode.NOT_A_JWT, "The payload part (between the dots) is empty.");
        }

        ObjectNode headerJson = parseObject("header", decodeUtf8Strict("header", base64("header", header)));
        if (headerJson.has("enc")) {
            throw new NotDecodable(ErrorCode.ENCRYPTED_JWE,
                    "The header names an encryption method (enc: " + headerJson.get("enc").asText()
                            + "): this is an encrypted token (JWE), which can't be read without its key.");
        }
        byte[] payloadBytes = base64("payload", payload);
        base64("signature", signature);
        Utf8 payloadText = decodeUtf8Lenient(payloadBytes);
        ObjectNode payloadJson = parseObject("payload", payloadText.text());
        return new DecodedToken(new TokenSegments(header, payload, signature), headerJson, payloadJson,
                payloadText.firstBadByte(), notes);
    }

    private static String notAJwtMessage(int parts) {
        int dots = parts - 1;
        if (dots == 0) {
            return "This doesn't look like a token: a JWT has three parts separated by dots (header.payload.signature), "
                    + "and this text has no dot.";
        }
        return "A JWT has three parts separated by dots (header.payload.signature); this text has " + parts
                + " parts (" + dots + (dots == 1 ? " dot)." : " dots).");
    }

    /** Accepts the standard base64 alphabet and padding (seen in hand-made tokens), noting the change. */
    private static String normalise(String part, String segment, List<String> notes) throws NotDecodable {
        String result = segment;
        if (result.indexOf('=') >= 0) {
            // By hand, not "=+$": that pattern retries every run of '=' from each of its starts (quadratic).
            int end = result.length();
            while (end > 0 && result.charAt(end - 1) == '=') {
                end--;
            }
            String unpadded = result.substring(0, end);
            if (unpadded.indexOf('=') < 0) {
                notes.add("removed base64 padding from the " + part);
                result = unpadded;
            }
        }
        if (result.indexOf('+') >= 0 || result.indexOf('/') >= 0) {
            notes.add("read standard base64 characters (+ /) in the " + part + " as base64url");
            result = result.replace('+', '-').replace('/', '_');
        }
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                throw new NotDecodable(ErrorCode.BAD_BASE64, "The " + part + " is not base64url: it contains "
                        + describe(c) + " at position " + (i + 1) + " of that part.");
            }
        }
        return result;
    }

    private static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return "a space or line break";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return String.format("the character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private static byte[] base64(String part, String segment) throws NotDecodable {
        if (segment.length() % 4 == 1) {
            throw new NotDecodable(ErrorCode.BAD_BASE64, "The " + part + " is not valid base64url: its length ("
                    + segment.length() + " characters) is impossible for base64 — part of it may be cut off.");
        }
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new NotDecodable(ErrorCode.BAD_BASE64, "The " + part + " is not valid base64url.");
        }
    }

    private static String decodeUtf8Strict(String part, byte[] bytes) throws NotDecodable {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotDecodable(ErrorCode.BAD_JSON, "The " + part + " decodes to bytes that are not UTF-8 text.");
        }
    }

    private record Utf8(String text, OptionalInt firstBadByte) {
    }

    /** Invalid bytes become U+FFFD and the offset of the first one is kept for a finding. */
    private static Utf8 decodeUtf8Lenient(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int firstBad = -1;
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            if (result.isError()) {
                if (firstBad < 0) {
                    firstBad = in.position();
                }
                out.put('\uFFFD');
                in.position(in.position() + result.length());
                continue;
            }
            if (result.isUnderflow() || result.isOverflow()) {
                decoder.flush(out);
                break;
            }
        }
        out.flip();
        return new Utf8(out.toString(), firstBad < 0 ? OptionalInt.empty() : OptionalInt.of(firstBad));
    }

    private ObjectNode parseObject(String part, String text) throws NotDecodable {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new NotDecodable(ErrorCode.BAD_JSON, "The " + part + " decodes, but not to JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new NotDecodable(ErrorCode.BAD_JSON, "The " + part + " decodes to nothing.");
        }
        if (!node.isObject()) {
            throw new NotDecodable(ErrorCode.BAD_JSON, "The " + part + " is JSON, but not an object ({…}): it is "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return (ObjectNode) node;
    }
}
